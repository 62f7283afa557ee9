import { hasRole, isService, Role, type Identity } from './identity';

/**
 * Role groups, declared once for every subgraph and the gateway.
 *
 * "The center" (Trung tâm IOC) is the center's own people: its leaders (lãnh đạo), who direct, and its
 * operators (điều hành viên), who verify, route, follow up and moderate. Wherever a step or a read is
 * the center's, both roles may take it; a step only a leader takes (a directive, a stand-down) names
 * `Role.LEADER` alone.
 */
export const CENTER_ROLES: readonly Role[] = Object.freeze([Role.LEADER, Role.OPERATOR]);

/** The province's working people: the center, agencies' staff and field officers. Never the public or a partner. */
export const STAFF_ROLES: readonly Role[] = Object.freeze([Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER]);

/** Staff and the sector systems (role SYSTEM): who reads restricted operational data such as raw readings. */
export const STAFF_AND_SYSTEMS: readonly Role[] = Object.freeze([...STAFF_ROLES, Role.SYSTEM]);

/**
 * Who reads open data in more detail than the public: staff, the sector systems and open-data partners
 * (role PARTNER: other government systems, press, researchers, app makers under a licence and a key).
 * Give it only to reads that carry neither personal data nor operational data staff need alone (raw
 * device feeds, plates, reporters, dossiers' applicants); never to a mutation. docs/open-data.md lists
 * the reads that use it.
 */
export const PARTNER_AND_STAFF: readonly Role[] = Object.freeze([...STAFF_AND_SYSTEMS, Role.PARTNER]);

/** Whether the caller is the center (a leader or an operator). */
export const isCenter = (identity: Identity) => hasRole(identity, ...CENTER_ROLES);

/** Whether the caller is the center or another subgraph acting for it (lookups at write time). */
export const isCenterOrService = (identity: Identity) => isCenter(identity) || isService(identity);

/** Whether the caller is one of the province's working people. */
export const isStaff = (identity: Identity) => hasRole(identity, ...STAFF_ROLES);

/** Whether the caller may read partner-level open data (`PARTNER_AND_STAFF`): a partner, staff or a sector system. */
export const isPartnerOrStaff = (identity: Identity) => hasRole(identity, ...PARTNER_AND_STAFF);

/**
 * Whether the caller is a partner and nothing else: refused the public's own writes (a citizen's report,
 * a rating), which stand for a person at a device, not for a licensed data client.
 */
export const isPartnerOnly = (identity: Identity) =>
  identity.roles.length > 0 && identity.roles.every((role) => role === Role.PARTNER) && !isService(identity);
