import type { Severity } from '../../vocabulary';
import type { BreachStatus } from './breach';

/**
 * The events of the incidents subgraph (alerts and incidents), and the names of its states that other
 * subgraphs read: dispatch and command check an incident's state, the gateway filters on sector,
 * process and severity. The subgraph's GraphQL enums must name exactly these (checked where it emits).
 */

/** The province's sectors (the `Sector` enum of the graph). */
export type SectorName = 'SECURITY' | 'URBAN_ORDER' | 'EMERGENCY' | 'E_GOVERNMENT' | 'TRAFFIC' | 'ENVIRONMENT' | 'HEALTH';

/** How an incident is handled (the `Process` enum). */
export type IncidentProcessName = 'TIMED' | 'IMMEDIATE' | 'COMMAND';

/** An incident's states (the `IncidentState` enum), in the order of its life. */
export const INCIDENT_STATE_NAMES = [
  'VERIFIED',
  'ASSIGNED',
  'ACCEPTED',
  'IN_PROGRESS',
  'REASSIGNMENT_REQUESTED',
  'RESULT_SUBMITTED',
  'RETURNED',
  'APPROVED',
  'PUBLISHED',
  'CLOSED',
] as const;
export type IncidentStateName = (typeof INCIDENT_STATE_NAMES)[number];

/** Whether a string read from elsewhere (another subgraph's answer, a generic step) names an incident state. */
export const isIncidentStateName = (value: unknown): value is IncidentStateName =>
  (INCIDENT_STATE_NAMES as readonly unknown[]).includes(value);

/** The states in which an incident's handling is over: nothing more is sent to it. */
export const FINISHED_INCIDENT_STATES: readonly IncidentStateName[] = ['APPROVED', 'PUBLISHED', 'CLOSED'];

/** An alert's states (the `AlertState` enum). */
export type AlertStateName = 'NEW' | 'VERIFIED' | 'DISMISSED' | 'MERGED';

/** A real alert or incident, or a drill (the `AlertStatus` enum). */
export type AlertStatusName = BreachStatus;

/** `alert.<name>`: received, acted on by the center, or told that its sector's breach changed. */
export const ALERT_EVENT_NAMES = ['received', 'verified', 'dismissed', 'merged', 'breachWorsened', 'breachEnded'] as const;
export type AlertEventName = (typeof ALERT_EVENT_NAMES)[number];
export type AlertEventType = `alert.${AlertEventName}`;

/** The payload of every `alert.*` event: what subscriptions filter on. The entity is the Alert. */
export type AlertEventPayload = {
  sector: SectorName;
  categoryId: string;
  severity: Severity;
  status: AlertStatusName;
  state: AlertStateName;
  unitLineage: string[];
  /** The incident the alert was verified or merged into. */
  incidentId: string | null;
};

/** The follow-up steps the scheduler takes on an incident whose deadline nears or passes. */
export type IncidentFollowUpName = 'reminded' | 'overdue' | 'escalated';

/** `incident.<name>`; `published` is the only one the public may see. */
export const INCIDENT_EVENT_NAMES = [
  'opened',
  'assigned',
  'stateChanged',
  'noted',
  'published',
  'reminded',
  'overdue',
  'escalated',
] as const;
export type IncidentEventName = (typeof INCIDENT_EVENT_NAMES)[number];
export type IncidentEventType = `incident.${IncidentEventName}`;

/** The payload of every `incident.*` event. The entity is the Incident. */
export type IncidentEventPayload = {
  code: string;
  sector: SectorName;
  process: IncidentProcessName;
  severity: Severity;
  categoryId: string;
  status: AlertStatusName;
  unitLineage: string[];
  /** The agency handling it, if assigned. */
  agencyId: string | null;
  state: IncidentStateName;
  /** The mutation or follow-up that made the event (`assignAgency`, `reminded`…). */
  action: string;
  fromState: IncidentStateName | null;
  toState: IncidentStateName | null;
  /** On `incident.published`: the PublicIncident to read. */
  publicationId: string | null;
};

/** `publicWarning.<name>`: a public warning (CAP 1.2) was issued, updated or cancelled; everyone may see it. */
export const PUBLIC_WARNING_EVENT_NAMES = ['issued', 'updated', 'cancelled'] as const;
export type PublicWarningEventName = (typeof PUBLIC_WARNING_EVENT_NAMES)[number];
export type PublicWarningEventType = `publicWarning.${PublicWarningEventName}`;

/** The payload of every `publicWarning.*` event. The entity is the PublicWarning; nothing in it is confidential. */
export type PublicWarningEventPayload = {
  /** The alert the warning is about. */
  alertId: string;
  state: 'ACTIVE' | 'CANCELLED' | 'EXPIRED';
  /** The CAP message the change sent. */
  msgType: 'Alert' | 'Update' | 'Cancel';
  /** The CAP identifier of that message, to fetch it by. */
  identifier: string;
  sequence: number;
  /** When the warning expires (ISO 8601, UTC). */
  expires: string;
};
