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

/** Whether the caller is the center (a leader or an operator). */
export const isCenter = (identity: Identity) => hasRole(identity, ...CENTER_ROLES);

/** Whether the caller is the center or another subgraph acting for it (lookups at write time). */
export const isCenterOrService = (identity: Identity) => isCenter(identity) || isService(identity);

/** Whether the caller is one of the province's working people. */
export const isStaff = (identity: Identity) => hasRole(identity, ...STAFF_ROLES);
