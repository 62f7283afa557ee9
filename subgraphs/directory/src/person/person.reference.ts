import { isUuid } from '@ioc-graph/platform';
import type { DirectoryContext } from '../common';
import { personById } from './person.loader';

/** People are referenced by id (an incident's reporter, an assignee); contacts stay redacted by field rules. */
export const personReference = {
  Person: {
    __resolveReference(reference: { id: string }, ctx: DirectoryContext) {
      return isUuid(reference.id) ? personById(ctx).load(reference.id.toLowerCase()) : null;
    },
  },
};
