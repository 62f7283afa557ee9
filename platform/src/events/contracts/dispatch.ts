/**
 * The events of the dispatch subgraph: a unit sent to an incident, and each step of its crew. Seen by
 * the center, the unit's agency and the unit's crew.
 */

/** A field unit's availability (the `UnitStatus` enum). */
export type UnitStatusName = 'AVAILABLE' | 'DISPATCHED' | 'EN_ROUTE' | 'ON_SCENE' | 'TRANSPORTING' | 'OUT_OF_SERVICE';

/** An assignment's states (the `AssignmentState` enum). */
export type AssignmentStateName = 'DISPATCHED' | 'ACCEPTED' | 'EN_ROUTE' | 'ON_SCENE' | 'CLEARED' | 'DECLINED' | 'CANCELLED';

/** `assignment.<name>`: the dispatch, then the steps named after their mutations. */
export const ASSIGNMENT_EVENT_NAMES = [
  'dispatched',
  'acceptAssignment',
  'declineAssignment',
  'reportEnRoute',
  'reportOnScene',
  'clearAssignment',
  'cancelAssignment',
] as const;
export type AssignmentEventName = (typeof ASSIGNMENT_EVENT_NAMES)[number];
export type AssignmentEventType = `assignment.${AssignmentEventName}`;

/** The payload of every `assignment.*` event. The entity is the Assignment. */
export type AssignmentEventPayload = {
  incidentId: string;
  incidentCode: string;
  fieldUnitId: string;
  agencyId: string;
  unitKind: string;
  state: AssignmentStateName;
  /** The unit's status after this step. */
  unitStatus: UnitStatusName;
  unitLineage: string[];
};
