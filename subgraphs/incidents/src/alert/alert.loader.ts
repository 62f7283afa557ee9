import { CENTER_ROLES, forbidden, hasRole, isService, loaderByForeignKey, loaderByUnique, notFound, requireId } from '@ioc-graph/platform';
import type { IncidentsContext } from '../context';
import { Alert } from './alert';

export const alertById = (ctx: IncidentsContext) => loaderByUnique(ctx, Alert, 'id');
export const alertsByIncident = (ctx: IncidentsContext) => loaderByForeignKey(ctx, Alert, 'incident', { receivedAt: 'ASC' });

/** Alerts are the center's working material: leaders and operators read them. */
export const mayReadAlerts = (ctx: IncidentsContext) => hasRole(ctx.identity, ...CENTER_ROLES) || isService(ctx.identity);

/** The alert an argument names, or NOT_FOUND. */
export async function requireAlert(ctx: IncidentsContext, id: string): Promise<Alert> {
  const alert = await alertById(ctx).load(requireId(id, 'id'));
  if (!alert) throw notFound('Alert', id);
  return alert;
}

export function assertMayReadAlerts(ctx: IncidentsContext): void {
  if (!mayReadAlerts(ctx)) throw forbidden('Only the center reads alerts');
}
