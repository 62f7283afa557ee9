import { isUuid } from '@ioc-graph/platform';
import type { DirectoryContext } from '../context';
import { personById, personBySubject } from './person.loader';

/**
 * People are referenced by id, or by the account that acted (`subject`: who opened or handled an
 * incident); contacts stay redacted by field rules. Both are batched per request.
 */
export const personReference = {
  Person: {
    __resolveReference(reference: { id?: string; subject?: string }, ctx: DirectoryContext) {
      if (reference.id !== undefined) return isUuid(reference.id) ? personById(ctx).load(reference.id.toLowerCase()) : null;
      return reference.subject ? personBySubject(ctx).load(reference.subject) : null;
    },
  },
};
