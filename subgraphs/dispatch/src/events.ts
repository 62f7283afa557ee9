import {
  emitEvent,
  type AssignmentEventPayload,
  type AssignmentEventType,
  type AssignmentStateName,
  type Identity,
  type UnitStatusName,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Assignment } from './assignment/assignment';
import type { AssignmentAction } from './assignment/assignment.rules';
import type { AssignmentState, UnitStatus } from './vocabulary';

// The GraphQL enums and the steps must match the event contract the gateway reads: a state or step
// added on one side only fails the build here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameNames: [
  Same<`${AssignmentState}`, AssignmentStateName>,
  Same<`${UnitStatus}`, UnitStatusName>,
  Same<`assignment.${AssignmentAction | 'dispatched'}`, AssignmentEventType>,
] = [true, true, true];
void sameNames;

/**
 * Assignment events (`assignment.dispatched`, `.acceptAssignment`, `.reportEnRoute`, `.reportOnScene`,
 * `.clearAssignment`, `.declineAssignment`, `.cancelAssignment`): seen by the center, the unit's agency
 * and the unit's crew.
 */
export function emitAssignmentEvent(
  em: EntityManager,
  actor: Identity,
  at: Date,
  type: AssignmentEventType,
  assignment: Assignment,
  unitStatus: UnitStatusName,
) {
  const payload: AssignmentEventPayload = {
    incidentId: assignment.incidentId,
    incidentCode: assignment.incidentCode,
    fieldUnitId: assignment.fieldUnitId,
    agencyId: assignment.agencyId,
    unitKind: assignment.unitKind,
    state: assignment.state,
    unitStatus,
    unitLineage: assignment.unitLineage,
  };
  return emitEvent(em, actor, at, {
    type,
    entityType: 'Assignment',
    entityKey: assignment.id,
    payload,
    audience: { agencyIds: [assignment.agencyId], fieldUnitIds: [assignment.fieldUnitId] },
  });
}
