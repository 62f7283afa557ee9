import { hasRole, isCenter, Role, type Identity, type StepTransition, type Transition } from '@ioc-graph/platform';
import { AssignmentState, UnitStatus } from '../vocabulary';

export type AssignmentAction =
  'acceptAssignment' | 'declineAssignment' | 'reportEnRoute' | 'reportOnScene' | 'clearAssignment' | 'cancelAssignment';

/** `crew`: the field officers of the assigned unit; `dispatcher`: the center (leaders and operators) and the unit's agency. */
export type AssignmentActor = 'crew' | 'dispatcher';

/** The time stamp each step sets on the assignment. */
type Stamp = 'acceptedAt' | 'enRouteAt' | 'onSceneAt' | 'clearedAt' | 'endedAt';

const S = AssignmentState;

/** The assignment's life as a table: the states each action starts from, where it leads, who takes it. */
export const ASSIGNMENT_TRANSITIONS: Record<AssignmentAction, Transition<AssignmentState, AssignmentActor> & { stamp: Stamp }> = {
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

/** Dispatchers: the center (leaders and operators), and the staff of the agency the unit belongs to. */
export const mayDispatch = (identity: Identity, agencyId: string) =>
  isCenter(identity) || (hasRole(identity, Role.AGENCY_STAFF) && identity.agencyId === agencyId);

/** The crew: field officers of that very unit. */
export const isCrew = (identity: Identity, fieldUnitId: string) =>
  hasRole(identity, Role.FIELD_OFFICER) && identity.fieldUnitId === fieldUnitId;

/** The assignment's state machine as `takeStep` checks it for `identity`. */
export const assignmentTransition = (
  identity: Identity,
): StepTransition<{ fieldUnitId: string; agencyId: string }, AssignmentAction, AssignmentState, AssignmentActor> => ({
  table: ASSIGNMENT_TRANSITIONS,
  who: { crew: 'the crew of the assigned unit', dispatcher: 'the center or the unit’s agency' },
  mayAct: (actor, assignment) => (actor === 'crew' ? isCrew(identity, assignment.fieldUnitId) : mayDispatch(identity, assignment.agencyId)),
});
