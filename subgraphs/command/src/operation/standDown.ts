import { takeStep } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommandContext } from '../context';
import { journaled, participantsOf, recordStep, type Audience } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { OperationResource } from '../resource/resource';
import { RESOURCE_TRANSITIONS } from '../resource/resource.rules';
import { OperationTask } from '../task/task';
import { TASK_TRANSITIONS } from '../task/task.rules';
import type { Operation } from './operation';
import { commandTransition, OPERATION_TRANSITIONS } from './operation.rules';
import { lockOperation } from './operation.steps';

const STAND_DOWN_NOTE = 'Kết thúc hoạt động (stand-down)';

/**
 * Stands an operation down (see takeStep): the operation keeps the after-action summary, then every
 * task still open is cancelled and every allocated resource released, each with its own log entry and
 * event after the stand-down's, in the same transaction.
 */
export function standDownOperation(
  ctx: CommandContext,
  operationId: string,
  expectedVersion: number,
  afterActionSummary: string,
): Promise<Operation> {
  let operation!: Operation;
  let participants!: Required<Audience>;
  return takeStep(ctx.em, {
    actor: ctx.identity,
    at: ctx.clock.now(),
    requestId: ctx.requestId,
    action: 'standDownOperation',
    load: async (em) => (operation = await lockOperation(ctx, em, operationId, 'exclusive')),
    transition: commandTransition(ctx.identity, OPERATION_TRANSITIONS),
    expectedVersion,
    note: afterActionSummary,
    apply: async (stoodDown, em, now) => {
      participants = await participantsOf(em, stoodDown.id);
      Object.assign(stoodDown, { stoodDownAt: now, stoodDownBy: ctx.identity.subject, afterActionSummary });
    },
    ...journaled(
      ctx,
      () => operation,
      (stoodDown: Operation) => ({ subjectType: LogSubject.OPERATION, subjectId: stoodDown.id }),
      'operation.stoodDown',
      () => participants,
    ),
    after: (stoodDown, em, { at }) => closeWhatIsOpen(ctx, em, stoodDown, participants, at),
  });
}

/** Cancels the operation's open tasks and releases its allocated resources: steps cascaded from the stand-down, already decided. */
async function closeWhatIsOpen(
  ctx: CommandContext,
  em: EntityManager,
  operation: Operation,
  participants: Required<Audience>,
  now: Date,
): Promise<void> {
  const cancel = TASK_TRANSITIONS.cancelTask;
  const tasks = await em.find(
    OperationTask,
    { operation: operation.id, state: { $in: [...cancel.from] } },
    { orderBy: { position: 'ASC' } },
  );
  for (const task of tasks) {
    const step = {
      action: 'cancelTask',
      event: 'task.cancelled',
      subjectType: LogSubject.TASK,
      subjectId: task.id,
      fromState: task.state,
      toState: cancel.to,
      note: STAND_DOWN_NOTE,
    } as const;
    Object.assign(task, { state: cancel.to, cancelledAt: now, note: STAND_DOWN_NOTE });
    await recordStep(ctx, em, now, operation, step, { agencyIds: [task.agencyId] });
  }

  const release = RESOURCE_TRANSITIONS.releaseResource;
  const resources = await em.find(
    OperationResource,
    { operation: operation.id, state: { $in: [...release.from] } },
    { orderBy: { id: 'ASC' } },
  );
  for (const resource of resources) {
    const step = {
      action: 'releaseResource',
      event: 'resource.released',
      subjectType: LogSubject.RESOURCE,
      subjectId: resource.id,
      fromState: resource.state,
      toState: release.to,
      note: STAND_DOWN_NOTE,
    } as const;
    Object.assign(resource, { state: release.to, releasedAt: now, releasedBy: ctx.identity.subject });
    await recordStep(ctx, em, now, operation, step, { agencyIds: [resource.agencyId, ...participants.agencyIds] });
  }
}
