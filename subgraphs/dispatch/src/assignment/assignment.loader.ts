import { forbidden, groupByKeys, hasRole, loaderByForeignKey, loaderByUnique, Role, type Identity } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { DispatchContext } from '../context';
import { PositionReport, UnitState } from '../unit/unitState';
import { Assignment, AssignmentLogEntry } from './assignment';

export const assignmentById = (ctx: DispatchContext) => loaderByUnique(ctx, Assignment, 'id');
export const assignmentsByIncident = (ctx: DispatchContext) => loaderByForeignKey(ctx, Assignment, 'incidentId', { dispatchedAt: 'ASC' });
export const unitStateById = (ctx: DispatchContext) => loaderByUnique(ctx, UnitState, 'fieldUnitId');
export const logOf = (ctx: DispatchContext) => loaderByForeignKey(ctx, AssignmentLogEntry, 'assignmentId', { at: 'ASC', id: 'ASC' });

/** The last `TRACK_LENGTH` positions of many units, in one query. */
export const TRACK_LENGTH = 20;
export const trackOf = (ctx: DispatchContext) =>
  ctx.loaders.get<string, PositionReport[]>('track', async (ids) => {
    const rows = await ctx.em
      .getConnection()
      .execute<{ id: string }[]>(
        `select id from (select id, row_number() over (partition by field_unit_id order by at desc) as n from dispatch.position_report where field_unit_id in (?)) t where n <= ?`,
        [[...ids], TRACK_LENGTH],
      );
    const reports = await ctx.em.find(PositionReport, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { at: 'DESC' } });
    return groupByKeys(ids, reports, (r) => r.fieldUnitId);
  });

/**
 * What a caller may read of assignments: the center all; agency staff their agency's units'; field
 * officers their own unit's. Others nothing.
 */
export function assignmentScope(identity: Identity): FilterQuery<Assignment> {
  if (hasRole(identity, Role.LEADER, Role.OPERATOR)) return {};
  if (hasRole(identity, Role.AGENCY_STAFF) && identity.agencyId) return { agencyId: identity.agencyId };
  if (hasRole(identity, Role.FIELD_OFFICER) && identity.fieldUnitId) return { fieldUnitId: identity.fieldUnitId };
  throw forbidden('Only the center, agencies and field units read assignments');
}

export const mayReadAssignment = (identity: Identity, a: Assignment) => {
  const scope = assignmentScope(identity) as Record<string, string>;
  return Object.entries(scope).every(([key, value]) => (a as unknown as Record<string, string>)[key] === value);
};
