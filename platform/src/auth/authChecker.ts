import type { AuthChecker } from 'type-graphql';
import { unauthenticated } from '../errors';
import { type Identity, type Role } from './identity';

/**
 * type-graphql's `@Authorized()` check: `@Authorized()` needs any signed-in caller,
 * `@Authorized(Role.OPERATOR, ...)` needs one of the roles. The public gets UNAUTHENTICATED, a signed-in
 * caller without the role gets FORBIDDEN.
 */
export const roleAuthChecker: AuthChecker<{ identity: Identity }, Role> = ({ context }, roles) => {
  const { identity } = context;
  if (!identity.subject) throw unauthenticated();
  if (roles.length === 0) return true;
  return roles.some((role) => identity.roles.includes(role));
};
