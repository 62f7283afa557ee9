import { forbidden, hasRole, Role, type Identity } from '@ioc-graph/platform';
import type { Person } from './person';

/** Leaders, operators and sector systems see everyone; agency staff and field officers their own agency. */
export function peopleScope(identity: Identity): { agencyId: string | null } {
  if (hasRole(identity, Role.LEADER, Role.OPERATOR, Role.SYSTEM)) return { agencyId: null };
  if (hasRole(identity, Role.AGENCY_STAFF, Role.FIELD_OFFICER) && identity.agencyId) return { agencyId: identity.agencyId };
  throw forbidden('Your role does not give access to the people directory');
}

/** Whether the caller may see this person's record at all. */
export function canSeePerson(identity: Identity, person: Person): boolean {
  if (identity.subject !== null && identity.subject === person.subject) return true;
  try {
    const { agencyId } = peopleScope(identity);
    return agencyId === null || person.agency?.id === agencyId;
  } catch {
    return false;
  }
}

/** Phone and email: operators and the person only. */
export const canSeeContact = (identity: Identity, person: Person) =>
  hasRole(identity, Role.OPERATOR) || (identity.subject !== null && identity.subject === person.subject);
