import { CENTER_ROLES, forbidden, hasRole, isService, loaderByUnique, notFound, requireId } from '@ioc-graph/platform';
import type { IncidentsContext } from '../context';
import { Incident } from './incident';

export const incidentById = (ctx: IncidentsContext) => loaderByUnique(ctx, Incident, 'id');
export const incidentByCode = (ctx: IncidentsContext) => loaderByUnique(ctx, Incident, 'code');

/**
 * Whether the caller may read an incident: the center reads all; agency staff and field officers their
 * own agency's only. The public reads published records, never incidents.
 */
export function mayReadIncident(ctx: IncidentsContext, incident: Pick<Incident, 'agencyId'>): boolean {
  if (hasRole(ctx.identity, ...CENTER_ROLES) || isService(ctx.identity)) return true;
  return ctx.identity.agencyId !== null && incident.agencyId === ctx.identity.agencyId;
}

/** An incident the caller asked for by id: NOT_FOUND, or FORBIDDEN when it is another agency's. */
export async function readableIncident(ctx: IncidentsContext, incident: Incident | null, key: string): Promise<Incident> {
  if (!incident) throw notFound('Incident', key);
  if (!mayReadIncident(ctx, incident)) throw forbidden('This incident is handled by another agency');
  return incident;
}

export async function requireIncident(ctx: IncidentsContext, id: string): Promise<Incident> {
  return readableIncident(ctx, await incidentById(ctx).load(requireId(id, 'id')), id);
}
