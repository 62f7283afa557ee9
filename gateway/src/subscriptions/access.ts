import {
  CENTER_ROLES,
  ErrorCode,
  hasRole,
  isCenter,
  isStaff,
  STAFF_ROLES,
  type BusEvent,
  type Identity,
  type Role,
} from '@ioc-graph/platform';
import { GraphQLError } from 'graphql';

/** A subscription field's gate: the roles that may use it (null: everyone), and what else a subscriber needs. */
interface SubscriptionAccess {
  roles: readonly Role[] | null;
  /** Besides a role: a scope the subscriber must have (an agency, a field unit), and the message when it lacks it. */
  scope?: (identity: Identity) => boolean;
  refusal: string;
}

const agencyOrUnit = (identity: Identity) => Boolean(identity.agencyId || identity.fieldUnitId);

/**
 * Who may subscribe to each field, from the role groups of platform/src/auth/roles.ts. Partners and
 * sector systems read what the public reads, whatever scope claims their token carries: they follow
 * published results only.
 */
export const SUBSCRIPTION_ACCESS = {
  alertReceived: { roles: CENTER_ROLES, refusal: 'Only the center follows alerts' },
  incidentChanged: {
    roles: STAFF_ROLES,
    scope: (identity) => isCenter(identity) || Boolean(identity.agencyId),
    refusal: 'Only the center and agencies follow incidents',
  },
  myAssignments: { roles: STAFF_ROLES, scope: agencyOrUnit, refusal: 'Only agencies and field units have assignments' },
  assignmentChanged: {
    roles: STAFF_ROLES,
    scope: (identity) => isCenter(identity) || agencyOrUnit(identity),
    refusal: 'Only the center, agencies and field units follow dispatches',
  },
  operationChanged: {
    roles: STAFF_ROLES,
    scope: (identity) => isCenter(identity) || agencyOrUnit(identity),
    refusal: 'Only the center, agencies and field units follow operations',
  },
  publicIncidentPublished: { roles: null, refusal: '' },
} satisfies Record<string, SubscriptionAccess>;

export type SubscriptionField = keyof typeof SUBSCRIPTION_ACCESS;

/**
 * Refuses a subscription at subscribe time: UNAUTHENTICATED for the public, FORBIDDEN for a caller
 * whose role or scope does not allow the field.
 */
export function requireSubscriber(field: SubscriptionField, identity: Identity): void {
  const access: SubscriptionAccess = SUBSCRIPTION_ACCESS[field];
  if (access.roles === null) return;
  if (hasRole(identity, ...access.roles) && (!access.scope || access.scope(identity))) return;
  throw new GraphQLError(access.refusal, {
    extensions: { code: identity.subject ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED },
  });
}

/**
 * Whether the event's audience includes the subscriber; the subgraphs check again when the entity is
 * read. An agency's or a unit's events reach its staff only: a partner's or a system's token with an
 * `agency_id` claim is no member of the agency.
 */
export function inAudience(identity: Identity, event: BusEvent): boolean {
  if (isCenter(identity)) return true;
  if (event.audience.public) return true;
  if (!isStaff(identity)) return false;
  if (identity.agencyId && event.audience.agencyIds.includes(identity.agencyId)) return true;
  return Boolean(identity.fieldUnitId && event.audience.fieldUnitIds.includes(identity.fieldUnitId));
}
