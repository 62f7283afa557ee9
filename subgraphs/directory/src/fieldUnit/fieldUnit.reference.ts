import { hasRole, isUuid, STAFF_AND_SYSTEMS } from '@ioc-graph/platform';
import type { DirectoryContext } from '../context';
import { fieldUnitById } from './fieldUnit.loader';

/** Field units are referenced by id, batched per request; like their queries, only staff roles see them. */
export const fieldUnitReference = {
  FieldUnit: {
    __resolveReference(reference: { id: string }, ctx: DirectoryContext) {
      if (!hasRole(ctx.identity, ...STAFF_AND_SYSTEMS)) return null;
      return isUuid(reference.id) ? fieldUnitById(ctx).load(reference.id.toLowerCase()) : null;
    },
  },
};
