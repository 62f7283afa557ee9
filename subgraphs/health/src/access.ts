import { forbidden, hasRole, STAFF_AND_SYSTEMS, unauthenticated, type Identity } from '@ioc-graph/platform';

/**
 * Case counts are open data per district-level unit and week; a commune's own counts (small numbers, close
 * to the people behind them) are for staff and the sector's systems. Refuses the public (UNAUTHENTICATED)
 * and other roles (FORBIDDEN) when `commune` is true.
 */
export function checkCommuneAccess(identity: Identity, commune: boolean): void {
  if (!commune || hasRole(identity, ...STAFF_AND_SYSTEMS)) return;
  if (!identity.subject) throw unauthenticated('A commune’s case counts need a staff token');
  throw forbidden('A commune’s case counts are for staff roles only');
}
