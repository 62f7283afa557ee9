import type { EntityManager } from '@mikro-orm/core';
import type { CommandContext } from '../context';
import { participantsOf, recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { OperationResource } from '../resource/resource';
import { RESOURCE_TRANSITIONS } from '../resource/resource.rules';
import { OperationTask } from '../task/task';
import { TASK_TRANSITIONS } from '../task/task.rules';
import type { Operation } from './operation';
import { OPERATION_TRANSITIONS } from './operation.rules';

const STAND_DOWN_NOTE = 'Kết thúc hoạt động (stand-down)';

/**
 * Stands an operation down inside the caller's transaction (its transition already checked): the
 * operation keeps the after-action summary, every task still open is cancelled and every allocated
 * resource released, each with its own log entry and event after the stand-down's.
 */
export async function standDown(ctx: CommandContext, em: EntityManager, operation: Operation, afterActionSummary: string): Promise<void> {
  const now = ctx.clock.now();
  const participants = await participantsOf(em, operation.id);
  const from = operation.state;
  operation.state = OPERATION_TRANSITIONS.standDownOperation.to;
  operation.stoodDownAt = now;
  operation.stoodDownBy = ctx.identity.subject;
  operation.afterActionSummary = afterActionSummary;
  await recordStep(
    ctx,
    em,
    now,
    operation,
    { action: 'standDownOperation', event: 'operation.stoodDown', subjectType: LogSubject.OPERATION, subjectId: operation.id, fromState: from, toState: operation.state, note: afterActionSummary },
    participants,
  );

  const cancel = TASK_TRANSITIONS.cancelTask;
  const tasks = await em.find(OperationTask, { operation: operation.id, state: { $in: [...cancel.from] } }, { orderBy: { position: 'ASC' } });
  for (const task of tasks) {
    const step = { action: 'cancelTask', event: 'task.cancelled', subjectType: LogSubject.TASK, subjectId: task.id, fromState: task.state, toState: cancel.to, note: STAND_DOWN_NOTE };
    Object.assign(task, { state: cancel.to, cancelledAt: now, note: STAND_DOWN_NOTE });
    await recordStep(ctx, em, now, operation, step, { agencyIds: [task.agencyId] });
  }

  const release = RESOURCE_TRANSITIONS.releaseResource;
  const resources = await em.find(OperationResource, { operation: operation.id, state: { $in: [...release.from] } }, { orderBy: { id: 'ASC' } });
  for (const resource of resources) {
    const step = { action: 'releaseResource', event: 'resource.released', subjectType: LogSubject.RESOURCE, subjectId: resource.id, fromState: resource.state, toState: release.to, note: STAND_DOWN_NOTE };
    Object.assign(resource, { state: release.to, releasedAt: now, releasedBy: ctx.identity.subject });
    await recordStep(ctx, em, now, operation, step, { agencyIds: [resource.agencyId, ...participants.agencyIds] });
  }
}
