import { loaderByForeignKey, loaderByUnique } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { OperationResource } from './resource';

export const resourceById = (ctx: CommandContext) => loaderByUnique(ctx, OperationResource, 'id');
export const resourcesByOperation = (ctx: CommandContext) => loaderByForeignKey(ctx, OperationResource, 'operation', { allocatedAt: 'ASC', id: 'ASC' });
