import { isCenter, type Identity, type StepTransition, type TransitionTable } from '@ioc-graph/platform';
import { AlertState } from './alert';

/** The steps an alert can take once reported: each ends its life as an alert. */
export type AlertAction = 'verifyAlert' | 'dismissAlert' | 'mergeAlert';

/** Alerts are the center's: only the center (leaders and operators) decides on them. */
export type AlertActor = 'center';

const S = AlertState;

/** An alert's life as a table: a NEW alert is verified into an incident, dismissed, or merged into one. */
export const ALERT_TRANSITIONS: TransitionTable<AlertAction, AlertState, AlertActor> = {
  verifyAlert: { from: [S.NEW], to: S.VERIFIED, actor: 'center' },
  dismissAlert: { from: [S.NEW], to: S.DISMISSED, actor: 'center' },
  mergeAlert: { from: [S.NEW], to: S.MERGED, actor: 'center' },
};

/** What each step is called in the timeline (past tense, as the alert's other entries). */
export const ALERT_STEP_NAMES: Record<AlertAction, 'verified' | 'dismissed' | 'merged'> = {
  verifyAlert: 'verified',
  dismissAlert: 'dismissed',
  mergeAlert: 'merged',
};

/** The alert's state machine as `takeStep` checks it for `identity`. */
export const alertTransition = (identity: Identity): StepTransition<unknown, AlertAction, AlertState, AlertActor> => ({
  table: ALERT_TRANSITIONS,
  who: { center: 'the center (leaders and operators)' },
  mayAct: () => isCenter(identity),
});
