/**
 * The events of the command subgraph: every step of an emergency operation, announced to the center
 * and the agencies and field units taking part.
 */

/** An operation's states (the `OperationState` enum). */
export type OperationStateName = 'ACTIVE' | 'STOOD_DOWN';

/** What a step of an operation is about (the `OperationLogSubject` enum). */
export type OperationSubjectName = 'OPERATION' | 'TASK' | 'DIRECTIVE' | 'RESOURCE' | 'SITUATION_REPORT';

/** Every event type of an operation's steps. */
export const OPERATION_EVENT_TYPES = [
  'operation.activated',
  'operation.phaseChanged',
  'operation.stoodDown',
  'task.assigned',
  'task.acknowledged',
  'task.started',
  'task.done',
  'task.cancelled',
  'directive.issued',
  'directive.acknowledged',
  'resource.allocated',
  'resource.released',
  'sitrep.filed',
] as const;
export type OperationEventType = (typeof OPERATION_EVENT_TYPES)[number];

/** The payload of every step of an operation. The entity is the Operation. */
export type OperationEventPayload = {
  code: string;
  incidentId: string;
  /** A drill: never counted in statistics. */
  exercise: boolean;
  state: OperationStateName;
  /** The playbook phase the operation is in. */
  phase: string;
  /** The mutation that took the step (`issueDirective`…). */
  action: string;
  subjectType: OperationSubjectName;
  subjectId: string;
  /** The subject's states (a task's, a directive's…) around the step. */
  fromState: string | null;
  toState: string | null;
};
