import { registerEnumType } from 'type-graphql';
import type { TransitionTable } from '@ioc-graph/platform';
import type { CommandActor } from '../operation/operation.rules';

/** Where a task stands: given out, acknowledged by its agency, under way, done, or cancelled. */
export enum TaskState {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskState, {
  name: 'OperationTaskState',
  description: 'Where a task of an operation stands (trạng thái nhiệm vụ)',
  valuesConfig: {
    OPEN: { description: 'Given out, not yet acknowledged by its agency (mới giao)' },
    ACKNOWLEDGED: { description: 'Acknowledged by the agency (đã tiếp nhận)' },
    IN_PROGRESS: { description: 'Under way (đang thực hiện)' },
    DONE: { description: 'Completed by the agency (hoàn thành)' },
    CANCELLED: { description: 'Cancelled by the center, or at stand-down (đã hủy)' },
  },
});

/** The steps of a task: the mutations that take them. */
export type TaskAction = 'assignTask' | 'acknowledgeTask' | 'startTask' | 'completeTask' | 'cancelTask';

const S = TaskState;

/**
 * A task's life as a table: the assigned agency acknowledges, starts and completes it; the center
 * (re)assigns it before work starts, or cancels it. Stand-down cancels what is still open.
 */
export const TASK_TRANSITIONS: TransitionTable<TaskAction, TaskState, CommandActor> = {
  assignTask: { from: [S.OPEN, S.ACKNOWLEDGED], to: S.OPEN, actor: 'center' },
  acknowledgeTask: { from: [S.OPEN], to: S.ACKNOWLEDGED, actor: 'assignedAgency' },
  startTask: { from: [S.ACKNOWLEDGED], to: S.IN_PROGRESS, actor: 'assignedAgency' },
  completeTask: { from: [S.IN_PROGRESS], to: S.DONE, actor: 'assignedAgency' },
  cancelTask: { from: [S.OPEN, S.ACKNOWLEDGED, S.IN_PROGRESS], to: S.CANCELLED, actor: 'center' },
};

/** States in which a task still waits for its agency. */
export const OPEN_TASK_STATES: readonly TaskState[] = TASK_TRANSITIONS.cancelTask.from;
