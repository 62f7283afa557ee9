import { isUuid } from '@ioc-graph/platform';
import type { EgovContext } from '../context';
import { procedureById } from './procedure.loader';

/** Other subgraphs refer to procedures by id, batched. */
export const procedureReference = {
  Procedure: {
    async __resolveReference(reference: { id: string }, ctx: EgovContext) {
      return isUuid(reference.id) ? procedureById(ctx).load(reference.id.toLowerCase()) : null;
    },
  },
};
