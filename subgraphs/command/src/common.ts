import { hasRole, isService, Role, type Identity } from '@ioc-graph/platform';

/** The center: leaders direct operations, operators run them. Both see every operation. */
export const CENTER_ROLES = [Role.LEADER, Role.OPERATOR];

/** Roles that work inside the center's network: they read playbooks and the operations they take part in. */
export const STAFF_ROLES = [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER];

/** The center, or another subgraph asking on its behalf: reads every operation. */
export const isCenter = (identity: Identity) => hasRole(identity, ...CENTER_ROLES) || isService(identity);

/** The year of an instant in Vietnam (UTC+7), for operation numbers. */
export const localYear = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();

/** Distinct, lower-cased ids in their first order (inputs may repeat an id or vary its case). */
export const distinctIds = (ids: readonly string[] | null | undefined): string[] => [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
