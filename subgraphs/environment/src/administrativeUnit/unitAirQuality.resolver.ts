import { isUuid } from '@ioc-graph/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { airQualityOf, UnitAirQuality } from '../station/airQuality';
import { stationById } from '../station/station.loader';
import type { Metric } from '../vocabulary';
import { AdministrativeUnit } from '../foreign/entities';

/** How old a station's latest hourly AQI may be and still count as current. */
export const CURRENT_AQI_HOURS = 3;

interface UnitAqiRow {
  unitId: string;
  stationId: string;
  hour: Date;
  aqi: number;
  dominant: Metric;
}

/**
 * The worst current station AQI in each unit's subtree, for all units of a request in one query: per
 * station its latest hour within the last 3 hours, then per unit the highest of those.
 */
export const unitAirQualityOf = (ctx: EnvironmentContext) =>
  ctx.loaders.get<string, UnitAqiRow | null>('unit:airQuality', async (ids) => {
    const valid = ids.filter((id) => isUuid(id));
    if (!valid.length) return ids.map(() => null);
    const now = ctx.clock.now();
    const rows = await ctx.em.getConnection().execute<UnitAqiRow[]>(
      `select distinct on (u.unit_id) u.unit_id as "unitId", s.id as "stationId", a.hour, a.aqi, a.dominant
       from unnest(?::text[]) as u(unit_id)
       join environment.station s on s.unit_lineage @> array[u.unit_id]
       join lateral (
         select x.hour, x.aqi, x.dominant from environment.station_aqi x
         where x.station_id = s.id and x.hour >= ?::timestamptz and x.hour <= ?::timestamptz
         order by x.hour desc limit 1
       ) a on true
       order by u.unit_id, a.aqi desc, a.hour desc, s.code`,
      [`{${valid.join(',')}}`, new Date(now.getTime() - CURRENT_AQI_HOURS * 3_600_000).toISOString(), now.toISOString()],
    );
    const byUnit = new Map(rows.map((r) => [r.unitId, r]));
    return ids.map((id) => byUnit.get(id) ?? null);
  });

/** The air quality of the directory's administrative units: open data. */
@Resolver(() => AdministrativeUnit)
export class UnitAirQualityResolver {
  @FieldResolver(() => UnitAirQuality, {
    nullable: true,
    description: 'The worst current VN_AQI of the air stations in its subtree; null without a current one',
  })
  async airQuality(@Root() unit: AdministrativeUnit, @Ctx() ctx: EnvironmentContext): Promise<UnitAirQuality | null> {
    const row = await unitAirQualityOf(ctx).load(unit.id.toLowerCase());
    if (!row) return null;
    const station = await stationById(ctx).load(row.stationId);
    return station ? { ...airQualityOf(row), station } : null;
  }
}
