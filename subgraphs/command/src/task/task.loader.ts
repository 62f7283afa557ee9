import { groupByKeys, loaderByForeignKey, loaderByUnique } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { OperationState } from '../operation/operation.rules';
import { OperationTask } from './task';
import { OPEN_TASK_STATES } from './task.rules';

/** Tasks by id, batched per request. */
export const taskById = (ctx: CommandContext) => loaderByUnique(ctx, OperationTask, 'id');
/** Each operation's tasks in playbook order, for all operations of a request in one query. */
export const tasksByOperation = (ctx: CommandContext) => loaderByForeignKey(ctx, OperationTask, 'operation', { position: 'ASC' });

/** The open tasks of each agency of a request, in active operations, earliest deadline first: one query for all. */
export const openTasksByAgency = (ctx: CommandContext) =>
  ctx.loaders.get<string, OperationTask[]>('tasks:openByAgency', async (agencyIds) => {
    const rows = await ctx.em.find(
      OperationTask,
      { agencyId: { $in: [...agencyIds] }, state: { $in: [...OPEN_TASK_STATES] }, operation: { state: OperationState.ACTIVE } },
      { orderBy: { dueAt: 'ASC NULLS LAST', createdAt: 'ASC', position: 'ASC' } },
    );
    return groupByKeys(agencyIds, rows, (row) => row.agencyId!);
  });
