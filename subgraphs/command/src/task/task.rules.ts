import { registerEnumType } from 'type-graphql';
import type { Transition } from '../transitions';

/** Where a task stands: given out, acknowledged by its agency, under way, done, or cancelled. */
export enum TaskState {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskState, { name: 'OperationTaskState', description: 'Mới giao, đã tiếp nhận, đang thực hiện, hoàn thành, đã hủy' });

/** The steps of a task: the mutations that take them. */
export type TaskAction = 'assignTask' | 'acknowledgeTask' | 'startTask' | 'completeTask' | 'cancelTask';

const S = TaskState;

/**
 * A task's life as a table: the assigned agency acknowledges, starts and completes it; the center
 * (re)assigns it before work starts, or cancels it. Stand-down cancels what is still open.
 */
export const TASK_TRANSITIONS: Record<TaskAction, Transition<TaskState>> = {
  assignTask: { from: [S.OPEN, S.ACKNOWLEDGED], to: S.OPEN, actor: 'center' },
  acknowledgeTask: { from: [S.OPEN], to: S.ACKNOWLEDGED, actor: 'assignedAgency' },
  startTask: { from: [S.ACKNOWLEDGED], to: S.IN_PROGRESS, actor: 'assignedAgency' },
  completeTask: { from: [S.IN_PROGRESS], to: S.DONE, actor: 'assignedAgency' },
  cancelTask: { from: [S.OPEN, S.ACKNOWLEDGED, S.IN_PROGRESS], to: S.CANCELLED, actor: 'center' },
};

/** States in which a task still waits for its agency. */
export const OPEN_TASK_STATES: readonly TaskState[] = TASK_TRANSITIONS.cancelTask.from;
