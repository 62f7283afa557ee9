import { conflict, forbidden, hasRole, Role, type Identity } from '@ioc-graph/platform';
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
  description: 'Đã xác minh, đã giao, đã tiếp nhận, đang xử lý, đề nghị giao lại, đã báo cáo kết quả, trả lại, đã duyệt, đã công khai, đã đóng',
});

/** Who may take a step: the center's operators, or the staff of the agency the incident is assigned to. */
export type Actor = 'center' | 'assignedAgency';

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

interface Transition {
  from: readonly IncidentState[];
  to: IncidentState;
  actor: Actor;
}

const S = IncidentState;

/**
 * The time-bound process as a table: each action, the states it may start from, the state it leads
 * to, and who may take it. Nothing else changes an incident's state.
 */
export const TRANSITIONS: Record<IncidentAction, Transition> = {
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
export const OPEN_STATES: readonly IncidentState[] = [S.VERIFIED, S.ASSIGNED, S.ACCEPTED, S.IN_PROGRESS, S.REASSIGNMENT_REQUESTED, S.RESULT_SUBMITTED, S.RETURNED];

/** States whose agency work may get progress notes. */
export const NOTE_STATES: readonly IncidentState[] = [...OPEN_STATES, S.APPROVED];

/**
 * Checks that `identity` may take `action` on an incident in `state` held by `agencyId`; returns the
 * target state. FORBIDDEN when the caller may not act; CONFLICT when the state does not allow it.
 */
export function checkTransition(identity: Identity, action: IncidentAction, incident: { state: IncidentState; agencyId: string | null }): IncidentState {
  const transition = TRANSITIONS[action];
  if (!mayAct(identity, transition.actor, incident.agencyId)) {
    throw forbidden(transition.actor === 'center' ? `Only the center’s operators may ${action}` : `Only the assigned agency may ${action}`);
  }
  if (!transition.from.includes(incident.state)) {
    throw conflict(`${action} is not possible in state ${incident.state}`, { state: incident.state, allowedFrom: transition.from });
  }
  return transition.to;
}

export function mayAct(identity: Identity, actor: Actor, agencyId: string | null): boolean {
  if (actor === 'center') return hasRole(identity, Role.OPERATOR);
  return hasRole(identity, Role.AGENCY_STAFF) && agencyId !== null && identity.agencyId === agencyId;
}
