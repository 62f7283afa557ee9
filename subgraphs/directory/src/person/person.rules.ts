import { forbidden, hasRole, isService, Role, type Identity } from '@ioc-graph/platform';
import type { Person } from './person';

/** Leaders, operators and sector systems see everyone; agency staff and field officers their own agency. */
export function peopleScope(identity: Identity): { agencyId: string | null } {
  if (hasRole(identity, Role.LEADER, Role.OPERATOR, Role.SYSTEM)) return { agencyId: null };
  if (hasRole(identity, Role.AGENCY_STAFF, Role.FIELD_OFFICER) && identity.agencyId) return { agencyId: identity.agencyId };
  throw forbidden('Your role does not give access to the people directory');
}

/**
 * Whether the caller may see this person's record at all: by `person(id)` and by reference alike
 * (`Incident.openedBy`, `_entities`). Another subgraph reads the people it asks for.
 */
export function canSeePerson(identity: Identity, person: Person): boolean {
  if (identity.subject !== null && identity.subject === person.subject) return true;
  if (isService(identity)) return true;
  try {
    const { agencyId } = peopleScope(identity);
    return agencyId === null || person.agency?.id === agencyId;
  } catch {
    return false;
  }
}

/** Phone and email: operators and the person only (also in the change history). */
export const canSeeContact = (identity: Identity, person: Pick<Person, 'subject'>) =>
  hasRole(identity, Role.OPERATOR) || (identity.subject !== null && identity.subject === person.subject);
