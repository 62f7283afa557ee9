import { isUuid } from '@ioc-graph/platform';
import type { DirectoryContext } from '../context';
import { unitByCode, unitById } from './administrativeUnit.loader';

/** Other subgraphs refer to a unit by `id` or by `code`; both are batched per request. */
export const administrativeUnitReference = {
  AdministrativeUnit: {
    __resolveReference(reference: { id?: string; code?: string }, ctx: DirectoryContext) {
      if (reference.id !== undefined) return isUuid(reference.id) ? unitById(ctx).load(reference.id.toLowerCase()) : null;
      return reference.code ? unitByCode(ctx).load(reference.code) : null;
    },
  },
};
