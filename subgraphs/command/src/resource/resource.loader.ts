import { loaderByForeignKey, loaderByUnique } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { OperationResource } from './resource';

/** Resources by id, batched per request. */
export const resourceById = (ctx: CommandContext) => loaderByUnique(ctx, OperationResource, 'id');
/** Each operation's resources in allocation order, for all operations of a request in one query. */
export const resourcesByOperation = (ctx: CommandContext) =>
  loaderByForeignKey(ctx, OperationResource, 'operation', { allocatedAt: 'ASC', id: 'ASC' });
