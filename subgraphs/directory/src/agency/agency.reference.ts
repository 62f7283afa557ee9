import { isUuid } from '@ioc-graph/platform';
import type { DirectoryContext } from '../context';
import { agencyByCode, agencyById } from './agency.loader';

/** Other subgraphs refer to an agency by `id` or by `code`; both are batched per request. */
export const agencyReference = {
  Agency: {
    __resolveReference(reference: { id?: string; code?: string }, ctx: DirectoryContext) {
      if (reference.id !== undefined) return isUuid(reference.id) ? agencyById(ctx).load(reference.id.toLowerCase()) : null;
      return reference.code ? agencyByCode(ctx).load(reference.code) : null;
    },
  },
};
