import type { IncidentsContext } from '../context';
import { Alert, AlertState } from './alert';
import { distanceMeters } from '@ioc-graph/platform';

const METERS_PER_DEGREE = 111_320;

interface Candidate {
  for_id: string;
  id: string;
}

/**
 * Duplicate candidates of many alerts in one query: alerts of the same category, not dismissed,
 * that occurred within the time window and lie within the radius (a bounding box in SQL, the exact
 * great-circle distance here). Alerts without a point match on the same administrative unit.
 */
export const possibleDuplicates = (ctx: IncidentsContext) =>
  ctx.loaders.get<string, Alert[]>('alert:duplicates', async (ids) => {
    const { duplicateRadiusMeters: radius, duplicateWindowHours: hours } = ctx.config;
    const degrees = radius / METERS_PER_DEGREE;
    const rows = await ctx.em.getConnection().execute<Candidate[]>(
      `select a.id as for_id, b.id
         from incidents.alert a
         join incidents.alert b
           on b.category_id = a.category_id and b.id <> a.id and b.state <> ?
          and abs(extract(epoch from b.occurred_at - a.occurred_at)) <= ? * 3600
          and (
            (a.latitude is not null and b.latitude is not null
              and b.latitude between a.latitude - ? and a.latitude + ?
              and b.longitude between a.longitude - ? / greatest(cos(radians(a.latitude)), 0.01)
                                  and a.longitude + ? / greatest(cos(radians(a.latitude)), 0.01))
            or ((a.latitude is null or b.latitude is null) and a.unit_id is not null and b.unit_id = a.unit_id)
          )
        where a.id in (?)
        order by b.occurred_at desc
        limit 2000`,
      [AlertState.DISMISSED, hours, degrees, degrees, degrees, degrees, [...ids]],
    );
    const alerts = new Map(
      (await ctx.em.find(Alert, { id: { $in: [...new Set([...ids, ...rows.map((r) => r.id)])] } })).map((a) => [a.id, a]),
    );
    return ids.map((id) => {
      const self = alerts.get(id);
      return rows
        .filter((row) => row.for_id === id)
        .map((row) => alerts.get(row.id)!)
        .filter((other) => {
          if (!self || !other) return false;
          if (self.latitude === null || self.longitude === null || other.latitude === null || other.longitude === null) return true;
          return (
            distanceMeters(self as { latitude: number; longitude: number }, other as { latitude: number; longitude: number }) <= radius
          );
        });
    });
  });
