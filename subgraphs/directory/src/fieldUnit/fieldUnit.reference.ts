import { hasRole, isUuid } from '@ioc-graph/platform';
import { STAFF_ROLES, type DirectoryContext } from '../common';
import { fieldUnitById } from './fieldUnit.loader';

/** Field units are referenced by id, batched per request; like their queries, only staff roles see them. */
export const fieldUnitReference = {
  FieldUnit: {
    __resolveReference(reference: { id: string }, ctx: DirectoryContext) {
      if (!hasRole(ctx.identity, ...STAFF_ROLES)) return null;
      return isUuid(reference.id) ? fieldUnitById(ctx).load(reference.id.toLowerCase()) : null;
    },
  },
};
