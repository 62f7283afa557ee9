import { isUuid } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { mayReadOperation, operationById } from './operation.loader';

/**
 * Other subgraphs and the gateway's event deliveries refer to operations by id: batched per request
 * and scoped like the queries, so what the caller may not read resolves to null.
 */
export const operationReferences = {
  Operation: {
    async __resolveReference(reference: { id: string }, ctx: CommandContext) {
      if (!isUuid(reference.id)) return null;
      const operation = await operationById(ctx).load(reference.id.toLowerCase());
      return operation && (await mayReadOperation(ctx, operation)) ? operation : null;
    },
  },
};
