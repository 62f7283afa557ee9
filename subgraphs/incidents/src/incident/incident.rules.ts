import { hasRole, isCenter, Role, type Identity, type StepTransition, type TransitionTable } from '@ioc-graph/platform';
import { registerEnumType } from 'type-graphql';

export enum IncidentState {
  VERIFIED = 'VERIFIED',
  ASSIGNED = 'ASSIGNED',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  REASSIGNMENT_REQUESTED = 'REASSIGNMENT_REQUESTED',
  RESULT_SUBMITTED = 'RESULT_SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
}
registerEnumType(IncidentState, {
  name: 'IncidentState',
  description: 'Where an incident stands in its process (trạng thái vụ việc); only the steps of the transition table change it',
  valuesConfig: {
    VERIFIED: { description: 'Opened and verified by the center, not yet assigned (đã xác minh)' },
    ASSIGNED: { description: 'Assigned to an agency, which has not yet taken it on; the deadline runs (đã giao)' },
    ACCEPTED: { description: 'The agency took it on (đã tiếp nhận)' },
    IN_PROGRESS: { description: 'The agency is working on it (đang xử lý)' },
    REASSIGNMENT_REQUESTED: { description: 'The agency says it is not competent and asks the center to assign another (đề nghị giao lại)' },
    RESULT_SUBMITTED: { description: 'The agency reported its result, awaiting the center’s moderation (đã báo cáo kết quả)' },
    RETURNED: { description: 'The center sent the result back to the agency with a reason (trả lại)' },
    APPROVED: { description: 'The center approved the result, not yet published (đã duyệt)' },
    PUBLISHED: { description: 'The approved result is public (đã công khai)' },
    CLOSED: { description: 'Closed without publication, with a reason (đã đóng)' },
  },
});

/** Who may take a step: the center (leaders and operators), or the staff of the agency the incident is assigned to. */
export type IncidentActor = 'center' | 'assignedAgency';

export type IncidentAction =
  | 'assignAgency'
  | 'acceptIncident'
  | 'requestReassignment'
  | 'startWork'
  | 'submitResult'
  | 'approveResult'
  | 'returnResult'
  | 'publishResult'
  | 'closeIncident';

const S = IncidentState;

/**
 * The time-bound process as a table: each action, the states it may start from, the state it leads
 * to, and who may take it. Nothing else changes an incident's state.
 */
export const INCIDENT_TRANSITIONS: TransitionTable<IncidentAction, IncidentState, IncidentActor> = {
  assignAgency: { from: [S.VERIFIED, S.REASSIGNMENT_REQUESTED], to: S.ASSIGNED, actor: 'center' },
  acceptIncident: { from: [S.ASSIGNED], to: S.ACCEPTED, actor: 'assignedAgency' },
  requestReassignment: { from: [S.ASSIGNED, S.ACCEPTED], to: S.REASSIGNMENT_REQUESTED, actor: 'assignedAgency' },
  startWork: { from: [S.ACCEPTED, S.RETURNED], to: S.IN_PROGRESS, actor: 'assignedAgency' },
  // A result may come straight after acceptance, after a return, or as a change to a published one,
  // which goes back through moderation.
  submitResult: { from: [S.ACCEPTED, S.IN_PROGRESS, S.RETURNED, S.PUBLISHED], to: S.RESULT_SUBMITTED, actor: 'assignedAgency' },
  approveResult: { from: [S.RESULT_SUBMITTED], to: S.APPROVED, actor: 'center' },
  returnResult: { from: [S.RESULT_SUBMITTED], to: S.RETURNED, actor: 'center' },
  publishResult: { from: [S.APPROVED], to: S.PUBLISHED, actor: 'center' },
  closeIncident: {
    from: [S.VERIFIED, S.ASSIGNED, S.ACCEPTED, S.IN_PROGRESS, S.REASSIGNMENT_REQUESTED, S.RETURNED, S.APPROVED],
    to: S.CLOSED,
    actor: 'center',
  },
};

/** States in which an agency is expected to work on the incident: its deadline runs. */
export const RUNNING_STATES: readonly IncidentState[] = [S.ASSIGNED, S.ACCEPTED, S.IN_PROGRESS, S.RETURNED];

/** States of an incident still open for the center. */
export const OPEN_STATES: readonly IncidentState[] = [
  S.VERIFIED,
  S.ASSIGNED,
  S.ACCEPTED,
  S.IN_PROGRESS,
  S.REASSIGNMENT_REQUESTED,
  S.RESULT_SUBMITTED,
  S.RETURNED,
];

/** States whose agency work may get progress notes. */
export const NOTE_STATES: readonly IncidentState[] = [...OPEN_STATES, S.APPROVED];

/** How FORBIDDEN names each actor. */
const WHO: Record<IncidentActor, string> = { center: 'the center (leaders and operators)', assignedAgency: 'the assigned agency' };

/** Whether `identity` acts as `actor` on an incident held by `agencyId`. */
export function mayAct(identity: Identity, actor: IncidentActor, agencyId: string | null): boolean {
  if (actor === 'center') return isCenter(identity);
  return hasRole(identity, Role.AGENCY_STAFF) && agencyId !== null && identity.agencyId === agencyId;
}

/** The incident's state machine as `takeStep` checks it for `identity`. */
export const incidentTransition = (
  identity: Identity,
): StepTransition<{ agencyId: string | null }, IncidentAction, IncidentState, IncidentActor> => ({
  table: INCIDENT_TRANSITIONS,
  who: WHO,
  mayAct: (actor, incident) => mayAct(identity, actor, incident.agencyId),
});
