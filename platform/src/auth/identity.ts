import { createHash } from 'node:crypto';
import { registerEnumType } from 'type-graphql';

/** What a caller may be. A caller without a token is the public and has no role. */
export enum Role {
  LEADER = 'LEADER',
  OPERATOR = 'OPERATOR',
  AGENCY_STAFF = 'AGENCY_STAFF',
  FIELD_OFFICER = 'FIELD_OFFICER',
  PARTNER = 'PARTNER',
  SYSTEM = 'SYSTEM',
}
registerEnumType(Role, {
  name: 'Role',
  description:
    "Role (vai trò) of a person or system that uses the graph, from the token's `roles` claim; a caller without a token is the public and has none",
  valuesConfig: {
    LEADER: {
      description: 'A leader of the center (lãnh đạo): directs operations, issues directives, stands operations down; part of the center',
    },
    OPERATOR: {
      description:
        'An operator of the center (điều hành viên): verifies alerts, routes, follows up and moderates incidents; part of the center',
    },
    AGENCY_STAFF: {
      description: 'Staff of an agency (cán bộ sở/ngành): works on what is assigned to their agency (token claim `agency_id`)',
    },
    FIELD_OFFICER: {
      description: "A member of a field unit's crew (lực lượng hiện trường): takes dispatches (token claims `agency_id`, `field_unit_id`)",
    },
    PARTNER: {
      description:
        'An outside partner (đối tác) pulling open data under a licence: reads what the public reads and some open data in more detail (per station, per commune); never personal or operational data, never a mutation',
    },
    SYSTEM: { description: 'A sector system or device platform (hệ thống chuyên ngành): reports alerts, ingests readings and detections' },
  },
});

export const ALL_ROLES = Object.values(Role) as Role[];

/** Who is calling, as verified by the gateway and forwarded to the subgraphs. */
export interface Identity {
  /** The token's subject; null for the public. */
  subject: string | null;
  roles: Role[];
  /** The caller's agency (Agency.id), for agency staff and field officers. */
  agencyId: string | null;
  /** The caller's field unit (FieldUnit.id), for field officers. */
  fieldUnitId: string | null;
  /** Administrative unit (AdministrativeUnit.id) whose subtree the caller works on, when narrower than the agency's. */
  scopeUnitId: string | null;
  /**
   * An opaque key of the calling client (a hash of its network address, set by the gateway), for abuse
   * limits on what the public may do; never a personal datum in clear. Only mutations may read it: the
   * gateway lets identical queries of callers that differ only by it share one answer.
   */
  client?: string | null;
  /**
   * Set when another subgraph calls (see SubgraphClient), never from a token: the gateway forwards only
   * what it verified, so only holders of the gateway secret can claim it.
   */
  service?: string | null;
}

export const PUBLIC: Identity = Object.freeze({
  subject: null,
  roles: [],
  agencyId: null,
  fieldUnitId: null,
  scopeUnitId: null,
}) as Identity;

export const isPublic = (identity: Identity) => identity.subject === null;
/** A subgraph calling another (validation, lookups at write time): it reads what it asks for. */
export const isService = (identity: Identity) => Boolean(identity.service);
export const hasRole = (identity: Identity, ...roles: Role[]) => roles.some((role) => identity.roles.includes(role));

/** Parses an identity from untrusted JSON, keeping only known roles and string ids. */
export function parseIdentity(value: unknown): Identity {
  const input = (value ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  const roles = Array.isArray(input.roles) ? input.roles.filter((r): r is Role => ALL_ROLES.includes(r as Role)) : [];
  const subject = str(input.subject);
  return {
    subject,
    roles: subject ? [...new Set(roles)] : [],
    agencyId: str(input.agencyId),
    fieldUnitId: str(input.fieldUnitId),
    scopeUnitId: str(input.scopeUnitId),
    client: typeof input.client === 'string' && /^[\w:-]{1,64}$/.test(input.client) ? input.client : null,
    service: typeof input.service === 'string' && /^[a-z][a-z0-9-]{0,40}$/.test(input.service) ? input.service : null,
  };
}

/** The key of a client address for `Identity.client`: hashed, so subgraphs never store addresses. */
export const clientKey = (address: string | undefined | null): string | null =>
  address ? createHash('sha256').update(address).digest('base64url').slice(0, 22) : null;
