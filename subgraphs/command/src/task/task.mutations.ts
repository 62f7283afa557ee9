import { CENTER_ROLES, notFound, type OperationEventType, requireId, Role, takeStep } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { CommandContext } from '../context';
import { requireAgencies } from '../foreign/directoryLookup';
import { journaled } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import type { Operation } from '../operation/operation';
import { assertActive, commandTransition } from '../operation/operation.rules';
import { lockOperation } from '../operation/operation.steps';
import { OperationTask } from './task';
import { AssignTaskInput, CancelTaskInput, TaskStepInput } from './task.input';
import { TASK_TRANSITIONS, type TaskAction } from './task.rules';

const EVENTS: Record<TaskAction, OperationEventType> = {
  assignTask: 'task.assigned',
  acknowledgeTask: 'task.acknowledged',
  startTask: 'task.started',
  completeTask: 'task.done',
  cancelTask: 'task.cancelled',
};

/**
 * Takes one step of a task (see takeStep): locks its operation (which must be active), checks the
 * caller and the state against the transition table and the version read, applies the step, and logs
 * and announces it to the task's agency (and, on reassignment, to the previous one).
 */
function taskStep(
  ctx: CommandContext,
  taskId: string,
  action: TaskAction,
  expectedVersion: number,
  note: string | null,
  apply?: (task: OperationTask, now: Date) => void,
) {
  let operation!: Operation;
  let previousAgencyId: string | null = null;
  return takeStep(ctx.em, {
    actor: ctx.identity,
    at: ctx.clock.now(),
    requestId: ctx.requestId,
    action,
    load: async (em) => {
      const id = requireId(taskId, 'taskId');
      const found = await em.findOne(OperationTask, { id });
      if (!found) throw notFound('OperationTask', taskId);
      operation = await lockOperation(ctx, em, found.operation.id, 'share');
      return (await em.findOne(OperationTask, { id }, { refresh: true }))!;
    },
    transition: commandTransition(ctx.identity, TASK_TRANSITIONS, (task: OperationTask) => task.agencyId),
    guard: () => assertActive(operation),
    expectedVersion,
    note,
    apply: (task, _em, now) => {
      previousAgencyId = task.agencyId;
      if (note) task.note = note;
      apply?.(task, now);
    },
    ...journaled(
      ctx,
      () => operation,
      (task: OperationTask) => ({ subjectType: LogSubject.TASK, subjectId: task.id }),
      EVENTS[action],
      (task) => ({
        agencyIds: [task.agencyId, previousAgencyId],
      }),
    ),
  });
}

/** The steps of a task: its agency acknowledges, starts and completes it; the center assigns or cancels it. */
@Resolver()
export class TaskMutations {
  @Authorized(Role.AGENCY_STAFF, ...CENTER_ROLES)
  @Mutation(() => OperationTask, { description: 'The assigned agency confirms it has received the task (đã tiếp nhận)' })
  acknowledgeTask(
    @Arg('taskId', () => ID, { description: 'Id of the task' }) taskId: string,
    @Arg('input', () => TaskStepInput, { description: 'Expected version and an optional note' }) input: TaskStepInput,
    @Ctx() ctx: CommandContext,
  ) {
    return taskStep(ctx, taskId, 'acknowledgeTask', input.expectedVersion, input.note?.trim() ?? null, (task, now) => {
      task.acknowledgedAt = now;
    });
  }

  @Authorized(Role.AGENCY_STAFF, ...CENTER_ROLES)
  @Mutation(() => OperationTask, { description: 'The assigned agency starts the task' })
  startTask(
    @Arg('taskId', () => ID, { description: 'Id of the task' }) taskId: string,
    @Arg('input', () => TaskStepInput, { description: 'Expected version and an optional note' }) input: TaskStepInput,
    @Ctx() ctx: CommandContext,
  ) {
    return taskStep(ctx, taskId, 'startTask', input.expectedVersion, input.note?.trim() ?? null, (task, now) => {
      task.startedAt = now;
    });
  }

  @Authorized(Role.AGENCY_STAFF, ...CENTER_ROLES)
  @Mutation(() => OperationTask, { description: 'The assigned agency reports the task done, with what it did in the note' })
  completeTask(
    @Arg('taskId', () => ID, { description: 'Id of the task' }) taskId: string,
    @Arg('input', () => TaskStepInput, { description: 'Expected version and what was done' }) input: TaskStepInput,
    @Ctx() ctx: CommandContext,
  ) {
    return taskStep(ctx, taskId, 'completeTask', input.expectedVersion, input.note?.trim() ?? null, (task, now) => {
      task.doneAt = now;
    });
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => OperationTask, { description: 'Cancels a task that is no longer needed, with a reason (the center)' })
  cancelTask(
    @Arg('taskId', () => ID, { description: 'Id of the task' }) taskId: string,
    @Arg('input', () => CancelTaskInput, { description: 'Expected version and the reason' }) input: CancelTaskInput,
    @Ctx() ctx: CommandContext,
  ) {
    return taskStep(ctx, taskId, 'cancelTask', input.expectedVersion, input.reason.trim(), (task, now) => {
      task.cancelledAt = now;
    });
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => OperationTask, {
    description: 'Gives a task that has not started to another agency, or to one when none was found (the center)',
  })
  async assignTask(
    @Arg('taskId', () => ID, { description: 'Id of the task' }) taskId: string,
    @Arg('input', () => AssignTaskInput, { description: 'Expected version, the agency and an optional note' }) input: AssignTaskInput,
    @Ctx() ctx: CommandContext,
  ) {
    const [agency] = await requireAgencies(ctx, [requireId(input.agencyId, 'agencyId')], 'agencyId');
    return taskStep(ctx, taskId, 'assignTask', input.expectedVersion, input.note?.trim() || agency.code, (task) => {
      task.agencyId = agency.id;
      task.acknowledgedAt = null;
    });
  }
}
