import { isUuid } from '@ioc-graph/platform';
import type { DirectoryContext } from '../context';
import { personById, personBySubject } from './person.loader';
import { canSeePerson } from './person.rules';

/**
 * People are referenced by id, or by the account that acted (`subject`: who opened or handled an
 * incident); both are batched per request. Scoped like `person(id)`: a person the caller may not see
 * (another agency's, or anyone for the public and partners) resolves to null, and contacts stay
 * redacted by field rules.
 */
export const personReference = {
  Person: {
    async __resolveReference(reference: { id?: string; subject?: string }, ctx: DirectoryContext) {
      const person =
        reference.id !== undefined
          ? isUuid(reference.id)
            ? await personById(ctx).load(reference.id.toLowerCase())
            : null
          : reference.subject
            ? await personBySubject(ctx).load(reference.subject)
            : null;
      return person && canSeePerson(ctx.identity, person) ? person : null;
    },
  },
};
