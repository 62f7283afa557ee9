import { emitEvent, type Identity } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/core';
import type { Assignment } from './assignment/assignment';

/**
 * Assignment events (`assignment.dispatched`, `.acceptAssignment`, `.reportEnRoute`, `.reportOnScene`,
 * `.clearAssignment`, `.declineAssignment`, `.cancelAssignment`, `unit.statusChanged`): seen by the
 * center, the unit's agency and the unit's crew.
 */
export function emitAssignmentEvent(em: EntityManager, actor: Identity, at: Date, type: string, assignment: Assignment, unitStatus: string) {
  return emitEvent(em, actor, at, {
    type,
    entityType: 'Assignment',
    entityKey: assignment.id,
    payload: {
      incidentId: assignment.incidentId,
      incidentCode: assignment.incidentCode,
      fieldUnitId: assignment.fieldUnitId,
      agencyId: assignment.agencyId,
      unitKind: assignment.unitKind,
      state: assignment.state,
      unitStatus,
      unitLineage: assignment.unitLineage,
    },
    audience: { agencyIds: [assignment.agencyId], fieldUnitIds: [assignment.fieldUnitId] },
  });
}
