import { conflict, forbidden, hasRole, Role, type Identity } from '@ioc-graph/platform';
import { AssignmentState, UnitStatus } from '../vocabulary';

export type AssignmentAction = 'acceptAssignment' | 'declineAssignment' | 'reportEnRoute' | 'reportOnScene' | 'clearAssignment' | 'cancelAssignment';

/** `crew`: the field officers of the assigned unit; `dispatcher`: the center's operators and the unit's agency. */
type Actor = 'crew' | 'dispatcher';

const S = AssignmentState;

/** The assignment's life as a table: the states each action starts from, where it leads, who takes it. */
export const ASSIGNMENT_TRANSITIONS: Record<AssignmentAction, { from: AssignmentState[]; to: AssignmentState; actor: Actor; stamp: 'acceptedAt' | 'enRouteAt' | 'onSceneAt' | 'clearedAt' | 'endedAt' }> = {
  acceptAssignment: { from: [S.DISPATCHED], to: S.ACCEPTED, actor: 'crew', stamp: 'acceptedAt' },
  declineAssignment: { from: [S.DISPATCHED], to: S.DECLINED, actor: 'crew', stamp: 'endedAt' },
  reportEnRoute: { from: [S.ACCEPTED], to: S.EN_ROUTE, actor: 'crew', stamp: 'enRouteAt' },
  reportOnScene: { from: [S.EN_ROUTE], to: S.ON_SCENE, actor: 'crew', stamp: 'onSceneAt' },
  clearAssignment: { from: [S.ON_SCENE], to: S.CLEARED, actor: 'crew', stamp: 'clearedAt' },
  cancelAssignment: { from: [S.DISPATCHED, S.ACCEPTED, S.EN_ROUTE, S.ON_SCENE], to: S.CANCELLED, actor: 'dispatcher', stamp: 'endedAt' },
};

/** The unit's status while its assignment is in each state. */
export const UNIT_STATUS_OF: Record<AssignmentState, UnitStatus> = {
  DISPATCHED: UnitStatus.DISPATCHED,
  ACCEPTED: UnitStatus.DISPATCHED,
  EN_ROUTE: UnitStatus.EN_ROUTE,
  ON_SCENE: UnitStatus.ON_SCENE,
  CLEARED: UnitStatus.AVAILABLE,
  DECLINED: UnitStatus.AVAILABLE,
  CANCELLED: UnitStatus.AVAILABLE,
};

/** Dispatchers: the center's operators, and the staff of the agency the unit belongs to. */
export const mayDispatch = (identity: Identity, agencyId: string) =>
  hasRole(identity, Role.OPERATOR) || (hasRole(identity, Role.AGENCY_STAFF) && identity.agencyId === agencyId);

/** The crew: field officers of that very unit. */
export const isCrew = (identity: Identity, fieldUnitId: string) => hasRole(identity, Role.FIELD_OFFICER) && identity.fieldUnitId === fieldUnitId;

/** Checks caller and state for an action; returns the transition. FORBIDDEN or CONFLICT otherwise. */
export function checkAssignmentTransition(identity: Identity, action: AssignmentAction, assignment: { state: AssignmentState; fieldUnitId: string; agencyId: string }) {
  const transition = ASSIGNMENT_TRANSITIONS[action];
  const allowed = transition.actor === 'crew' ? isCrew(identity, assignment.fieldUnitId) : mayDispatch(identity, assignment.agencyId);
  if (!allowed) throw forbidden(transition.actor === 'crew' ? `Only the crew of the assigned unit may ${action}` : `Only the center or the unit's agency may ${action}`);
  if (!transition.from.includes(assignment.state)) throw conflict(`${action} is not possible in state ${assignment.state}`, { state: assignment.state });
  return transition;
}
