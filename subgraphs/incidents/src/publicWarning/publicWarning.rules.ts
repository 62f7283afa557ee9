import { badInput, isCenter, type FieldProblem, type Identity, type StepTransition, type TransitionTable } from '@ioc-graph/platform';
import { AlertState } from '../alert/alert';
import { PublicWarningState } from './capVocabulary';
import { WARNING_LIMITS, type PublicWarningInput } from './publicWarning.input';

/** The steps of a public warning once issued. Expiry is not a step: time passes it. */
export type PublicWarningAction = 'updatePublicWarning' | 'cancelPublicWarning';

const S = PublicWarningState;

/** A warning's life as a table: while active it is updated any number of times, or cancelled once. */
export const PUBLIC_WARNING_TRANSITIONS: TransitionTable<PublicWarningAction, PublicWarningState, 'center'> = {
  updatePublicWarning: { from: [S.ACTIVE], to: S.ACTIVE, actor: 'center' },
  cancelPublicWarning: { from: [S.ACTIVE], to: S.CANCELLED, actor: 'center' },
};

/** The warning's state machine as `takeStep` checks it for `identity`. */
export const publicWarningTransition = (
  identity: Identity,
): StepTransition<unknown, PublicWarningAction, PublicWarningState, 'center'> => ({
  table: PUBLIC_WARNING_TRANSITIONS,
  who: { center: 'the center (leaders and operators)' },
  mayAct: () => isCenter(identity),
});

/**
 * The alerts a warning may be issued about: verified ones, and those merged into an open incident
 * (merging is verifying a duplicate of it). A NEW alert is verified first; a DISMISSED one is not a
 * hazard the center stands behind.
 */
export const WARNABLE_ALERT_STATES: readonly AlertState[] = [AlertState.VERIFIED, AlertState.MERGED];

/**
 * What class-validator cannot say about a warning's content: times relative to now, and the shape of
 * the polygon. BAD_USER_INPUT naming each field; nothing is written.
 */
export function checkWarningContent(input: PublicWarningInput, now: Date): void {
  const problems: FieldProblem[] = [];
  const expires = input.expires.getTime();
  if (expires <= now.getTime()) problems.push({ field: 'expires', message: 'must be in the future' });
  else if (expires > now.getTime() + WARNING_LIMITS.maxDurationMs)
    problems.push({ field: 'expires', message: 'must be at most 7 days ahead' });
  if (input.onset && input.onset.getTime() >= expires) problems.push({ field: 'onset', message: 'must be before expires' });
  const ring = input.polygon;
  if (ring?.length) {
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first.latitude !== last.latitude || first.longitude !== last.longitude)
      problems.push({ field: 'polygon', message: 'must be closed: the last point the same as the first' });
  }
  for (const field of [
    'headlineVi',
    'headlineEn',
    'descriptionVi',
    'descriptionEn',
    'eventVi',
    'eventEn',
    'areaDescVi',
    'areaDescEn',
  ] as const)
    if (!input[field].trim()) problems.push({ field, message: 'must not be blank' });
  if (new Set(input.unitIds.map((id) => id.toLowerCase())).size !== input.unitIds.length)
    problems.push({ field: 'unitIds', message: 'must not repeat a unit' });
  if (problems.length)
    throw badInput(`The public warning is not valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
}
