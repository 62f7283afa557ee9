import { CENTER_ROLES, forbidden, hasRole, requireId } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { IncidentsContext } from '../context';
import { Incident } from './incident';
import type { IncidentFilter } from './incident.input';
import { IncidentState, RUNNING_STATES } from './incident.rules';

/**
 * The conditions of an incident filter, narrowed to what the caller may read: the center reads all,
 * an agency its own incidents whatever it asks for.
 */
export function incidentWhere(ctx: IncidentsContext, filter: IncidentFilter | null | undefined): FilterQuery<Incident> {
  const where: FilterQuery<Incident>[] = [];
  if (!hasRole(ctx.identity, ...CENTER_ROLES)) {
    if (!ctx.identity.agencyId) throw forbidden('Only the center and agencies read incidents');
    where.push({ agencyId: ctx.identity.agencyId });
  }
  if (filter?.ids) where.push({ id: { $in: filter.ids.map((id) => requireId(id, 'ids')) } });
  if (filter?.states?.length) where.push({ state: { $in: filter.states } });
  if (filter?.processes?.length) where.push({ process: { $in: filter.processes } });
  if (filter?.sectors?.length) where.push({ sector: { $in: filter.sectors } });
  if (filter?.categoryIds?.length) where.push({ category: { $in: filter.categoryIds } });
  if (filter?.agencyId) where.push({ agencyId: requireId(filter.agencyId, 'agencyId') });
  if (filter?.withinUnitId) where.push({ unitLineage: { $contains: [requireId(filter.withinUnitId, 'withinUnitId')] } });
  if (filter?.overdue === true) where.push(overdueWhere(ctx.clock.now()));
  if (filter?.overdue === false) where.push({ $not: overdueWhere(ctx.clock.now()) } as FilterQuery<Incident>);
  if (filter?.openedFrom) where.push({ openedAt: { $gte: filter.openedFrom } });
  if (filter?.openedTo) where.push({ openedAt: { $lt: filter.openedTo } });
  if (filter?.status) where.push({ status: filter.status });
  return where.length ? { $and: where } : {};
}

/** At or past its deadline while the agency still owes a result (a result is due before the deadline). */
export const overdueWhere = (now: Date): FilterQuery<Incident> => ({ state: { $in: [...RUNNING_STATES] }, deadline: { $lte: now } });

export const isOverdue = (incident: Pick<Incident, 'state' | 'deadline'>, now: Date) =>
  RUNNING_STATES.includes(incident.state as IncidentState) && incident.deadline !== null && incident.deadline <= now;
