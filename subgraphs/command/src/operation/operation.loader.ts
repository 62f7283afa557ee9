import { forbidden, type Identity, isCenterOrService, loaderByUnique, notFound, requireId } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { CommandContext } from '../context';
import { DirectiveAddressee } from '../directive/directive';
import { OperationTask } from '../task/task';
import { Operation } from './operation';

/** Operations by id, batched per request. */
export const operationById = (ctx: CommandContext) => loaderByUnique(ctx, Operation, 'id');

interface Participation {
  agencyIds: Set<string>;
  fieldUnitIds: Set<string>;
}

/** Who takes part in each operation of a request (tasks and addressees), in two queries for all of them. */
const participation = (ctx: CommandContext) =>
  ctx.loaders.get<string, Participation>('operation:participation', async (ids) => {
    const [tasks, addressees] = await Promise.all([
      ctx.em.find(OperationTask, { operation: { $in: [...ids] } }),
      ctx.em.find(DirectiveAddressee, { operation: { $in: [...ids] } }),
    ]);
    const byOperation = new Map<string, Participation>(ids.map((id) => [id, { agencyIds: new Set(), fieldUnitIds: new Set() }]));
    for (const task of tasks) if (task.agencyId) byOperation.get(task.operation.id)?.agencyIds.add(task.agencyId);
    for (const addressee of addressees) {
      const entry = byOperation.get(addressee.operation.id);
      if (addressee.agencyId) entry?.agencyIds.add(addressee.agencyId);
      if (addressee.fieldUnitId) entry?.fieldUnitIds.add(addressee.fieldUnitId);
    }
    return ids.map((id) => byOperation.get(id)!);
  });

/**
 * Whether the caller may read an operation: the center reads all; agency staff and field officers
 * those in which their agency has a task or is addressed by a directive, or their unit is addressed.
 */
export async function mayReadOperation(ctx: CommandContext, operation: Operation): Promise<boolean> {
  if (isCenterOrService(ctx.identity)) return true;
  const { agencyIds, fieldUnitIds } = await participation(ctx).load(operation.id);
  const { agencyId, fieldUnitId } = ctx.identity;
  return (agencyId !== null && agencyIds.has(agencyId)) || (fieldUnitId !== null && fieldUnitIds.has(fieldUnitId));
}

/** The same rule as a query condition, for lists. */
export function readableOperations(identity: Identity): FilterQuery<Operation> {
  if (isCenterOrService(identity)) return {};
  const anyOf: FilterQuery<Operation>[] = [];
  if (identity.agencyId)
    anyOf.push({ tasks: { $some: { agencyId: identity.agencyId } } }, { addressees: { $some: { agencyId: identity.agencyId } } });
  if (identity.fieldUnitId) anyOf.push({ addressees: { $some: { fieldUnitId: identity.fieldUnitId } } });
  if (!anyOf.length) throw forbidden('Only the center and the agencies taking part read operations');
  return { $or: anyOf };
}

/** The operation an argument names: NOT_FOUND, or FORBIDDEN when the caller takes no part in it. */
export async function requireOperation(ctx: CommandContext, id: string, field = 'id'): Promise<Operation> {
  const operation = await operationById(ctx).load(requireId(id, field));
  if (!operation) throw notFound('Operation', id);
  if (!(await mayReadOperation(ctx, operation))) throw forbidden('Your agency takes no part in this operation');
  return operation;
}
