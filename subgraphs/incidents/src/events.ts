import {
  emitEvent,
  isIncidentStateName,
  type Actor,
  type AlertEventName,
  type AlertEventPayload,
  type AlertStateName,
  type AlertStatusName,
  type IncidentEventName,
  type IncidentEventPayload,
  type IncidentProcessName,
  type IncidentStateName,
  type PublicWarningEventName,
  type PublicWarningEventPayload,
  type SectorName,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Alert, AlertState } from './alert/alert';
import type { Incident } from './incident/incident';
import type { PublicWarningState } from './publicWarning/capVocabulary';
import type { PublicWarning } from './publicWarning/publicWarning';
import type { PublicWarningMessage } from './publicWarning/publicWarningMessage';
import { CAP_MSG_TYPE } from './publicWarning/warningMessages';
import type { IncidentState } from './incident/incident.rules';
import type { AlertStatus, Process, Sector } from './vocabulary';

// The GraphQL enums must name exactly the states of the event contracts that other subgraphs read:
// a value added or renamed on one side only fails the build here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameNames: [
  Same<`${IncidentState}`, IncidentStateName>,
  Same<`${AlertState}`, AlertStateName>,
  Same<`${AlertStatus}`, AlertStatusName>,
  Same<`${Process}`, IncidentProcessName>,
  Same<`${Sector}`, SectorName>,
  Same<`${PublicWarningState}`, PublicWarningEventPayload['state']>,
] = [true, true, true, true, true, true];
void sameNames;

/**
 * Alert events (`alert.received`, `.verified`, `.dismissed`, `.merged`, `.breachWorsened`,
 * `.breachEnded`): the center's own, so their audience is the center only. The payload carries what
 * subscriptions filter on.
 */
export function emitAlertEvent(em: EntityManager, actor: Actor, at: Date, type: AlertEventName, alert: Alert) {
  const payload: AlertEventPayload = {
    sector: alert.sector,
    categoryId: alert.category.id,
    severity: alert.severity,
    status: alert.status,
    state: alert.state,
    unitLineage: alert.unitLineage,
    incidentId: alert.incident?.id ?? null,
  };
  return emitEvent(em, actor, at, { type: `alert.${type}`, entityType: 'Alert', entityKey: alert.id, payload });
}

/** A step's state as the contract names it; the generic step machinery hands states over as strings. */
function stateName(state: string | null): IncidentStateName | null {
  if (state !== null && !isIncidentStateName(state)) throw new Error(`${state} is not an incident state`);
  return state;
}

/** What happened to the incident, besides its current state. */
export interface IncidentStep {
  /** The mutation or follow-up that made the event. @default the event's name */
  action?: string;
  fromState?: string | null;
  /** @default the incident's state */
  toState?: string | null;
  /** The publication an `incident.published` event points subscribers to. */
  publicationId?: string;
}

/**
 * Incident events (`incident.opened`, `.assigned`, `.stateChanged`, `.noted`, `.reminded`, `.overdue`,
 * `.escalated`, `.published`): seen by the center and the handling agency; a publication by everyone.
 */
export function emitIncidentEvent(
  em: EntityManager,
  actor: Actor,
  at: Date,
  type: IncidentEventName,
  incident: Incident,
  step: IncidentStep = {},
) {
  const payload: IncidentEventPayload = {
    code: incident.code,
    sector: incident.sector,
    process: incident.process,
    severity: incident.severity,
    categoryId: incident.category.id,
    status: incident.status,
    unitLineage: incident.unitLineage,
    agencyId: incident.agencyId,
    state: incident.state,
    action: step.action ?? type,
    fromState: stateName(step.fromState ?? null),
    toState: stateName(step.toState ?? incident.state),
    publicationId: step.publicationId ?? null,
  };
  return emitEvent(em, actor, at, {
    type: `incident.${type}`,
    entityType: 'Incident',
    entityKey: incident.id,
    payload,
    audience: { agencyIds: incident.agencyId ? [incident.agencyId] : [], public: type === 'published' },
  });
}

/**
 * Public warning events (`publicWarning.issued`, `.updated`, `.cancelled`): published on purpose, so
 * everyone may see them; the payload names the CAP message the change sent.
 */
export function emitPublicWarningEvent(
  em: EntityManager,
  actor: Actor,
  at: Date,
  type: PublicWarningEventName,
  warning: PublicWarning,
  message: PublicWarningMessage,
) {
  const payload: PublicWarningEventPayload = {
    alertId: warning.alert.id,
    state: warning.state,
    msgType: CAP_MSG_TYPE[message.msgType],
    identifier: message.identifier,
    sequence: message.sequence,
    expires: warning.expires.toISOString(),
  };
  return emitEvent(em, actor, at, {
    type: `publicWarning.${type}`,
    entityType: 'PublicWarning',
    entityKey: warning.id,
    payload,
    audience: { public: true },
  });
}
