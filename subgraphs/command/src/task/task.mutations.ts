import { checkVersion, inTransaction, notFound, requireId, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { CommandContext } from '../context';
import { requireAgencies } from '../federation/directoryLookup';
import { recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { assertActive } from '../operation/operation.rules';
import { lockOperation } from '../operation/operation.steps';
import { actsAs, checkTransition } from '../transitions';
import { OperationTask } from './task';
import { AssignTaskInput, CancelTaskInput, TaskStepInput } from './task.input';
import { TASK_TRANSITIONS, type TaskAction } from './task.rules';

const EVENTS: Record<TaskAction, string> = {
  assignTask: 'task.assigned',
  acknowledgeTask: 'task.acknowledged',
  startTask: 'task.started',
  completeTask: 'task.done',
  cancelTask: 'task.cancelled',
};

/**
 * Takes one step of a task in one transaction: locks its operation (which must be active), checks the
 * caller and the state against the transition table and the version read, applies the step, and logs
 * and announces it to the task's agency (and, on reassignment, to the previous one).
 */
async function taskStep(ctx: CommandContext, taskId: string, action: TaskAction, expectedVersion: number, note: string | null, apply?: (task: OperationTask, now: Date) => void) {
  return inTransaction(ctx.em, async (em) => {
    const id = requireId(taskId, 'taskId');
    const found = await em.findOne(OperationTask, { id });
    if (!found) throw notFound('OperationTask', taskId);
    const operation = await lockOperation(ctx, em, found.operation.id, 'share');
    const task = (await em.findOne(OperationTask, { id }, { refresh: true }))!;
    const to = checkTransition(TASK_TRANSITIONS, action, task.state, (actor) => actsAs(ctx.identity, actor, task.agencyId));
    assertActive(operation);
    checkVersion(task, expectedVersion);
    const from = task.state;
    const previousAgencyId = task.agencyId;
    const now = ctx.clock.now();
    task.state = to;
    if (note) task.note = note;
    apply?.(task, now);
    const step = { action, event: EVENTS[action], subjectType: LogSubject.TASK, subjectId: task.id, fromState: from, toState: to, note };
    await recordStep(ctx, em, now, operation, step, { agencyIds: [task.agencyId, previousAgencyId] });
    return task;
  });
}

/** The steps of a task: its agency acknowledges, starts and completes it; the center assigns or cancels it. */
@Resolver()
export class TaskMutations {
  @Authorized(Role.AGENCY_STAFF, Role.OPERATOR, Role.LEADER)
  @Mutation(() => OperationTask, { description: 'The assigned agency confirms it has received the task (đã tiếp nhận)' })
  acknowledgeTask(@Arg('taskId', () => ID) taskId: string, @Arg('input', () => TaskStepInput) input: TaskStepInput, @Ctx() ctx: CommandContext) {
    return taskStep(ctx, taskId, 'acknowledgeTask', input.expectedVersion, input.note?.trim() ?? null, (task, now) => {
      task.acknowledgedAt = now;
    });
  }

  @Authorized(Role.AGENCY_STAFF, Role.OPERATOR, Role.LEADER)
  @Mutation(() => OperationTask, { description: 'The assigned agency starts the task' })
  startTask(@Arg('taskId', () => ID) taskId: string, @Arg('input', () => TaskStepInput) input: TaskStepInput, @Ctx() ctx: CommandContext) {
    return taskStep(ctx, taskId, 'startTask', input.expectedVersion, input.note?.trim() ?? null, (task, now) => {
      task.startedAt = now;
    });
  }

  @Authorized(Role.AGENCY_STAFF, Role.OPERATOR, Role.LEADER)
  @Mutation(() => OperationTask, { description: 'The assigned agency reports the task done, with what it did in the note' })
  completeTask(@Arg('taskId', () => ID) taskId: string, @Arg('input', () => TaskStepInput) input: TaskStepInput, @Ctx() ctx: CommandContext) {
    return taskStep(ctx, taskId, 'completeTask', input.expectedVersion, input.note?.trim() ?? null, (task, now) => {
      task.doneAt = now;
    });
  }

  @Authorized(Role.LEADER, Role.OPERATOR)
  @Mutation(() => OperationTask, { description: 'Cancels a task that is no longer needed, with a reason (the center)' })
  cancelTask(@Arg('taskId', () => ID) taskId: string, @Arg('input', () => CancelTaskInput) input: CancelTaskInput, @Ctx() ctx: CommandContext) {
    return taskStep(ctx, taskId, 'cancelTask', input.expectedVersion, input.reason.trim(), (task, now) => {
      task.cancelledAt = now;
    });
  }

  @Authorized(Role.LEADER, Role.OPERATOR)
  @Mutation(() => OperationTask, { description: 'Gives a task that has not started to another agency, or to one when none was found (the center)' })
  async assignTask(@Arg('taskId', () => ID) taskId: string, @Arg('input', () => AssignTaskInput) input: AssignTaskInput, @Ctx() ctx: CommandContext) {
    const [agency] = await requireAgencies(ctx, [requireId(input.agencyId, 'agencyId')], 'agencyId');
    return taskStep(ctx, taskId, 'assignTask', input.expectedVersion, input.note?.trim() || agency.code, (task) => {
      task.agencyId = agency.id;
      task.acknowledgedAt = null;
    });
  }
}
