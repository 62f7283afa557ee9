import { byKeys, groupByKeys, loaderByUnique } from '@ioc-graph/platform';
import type { EnvironmentContext } from '../context';
import { Metric } from '../vocabulary';
import { Station } from './station';

export const stationById = (ctx: EnvironmentContext) => loaderByUnique(ctx, Station, 'id');
export const stationByCode = (ctx: EnvironmentContext) => loaderByUnique(ctx, Station, 'code');

export interface AqiRow {
  stationId: string;
  hour: Date;
  aqi: number;
  dominant: Metric;
}

/** The latest hourly AQI of each station, in one query for the request. */
export const latestAqiOf = (ctx: EnvironmentContext) =>
  ctx.loaders.get<string, AqiRow | null>('station:latestAqi', async (ids) => {
    const rows = await ctx.em.getConnection().execute<AqiRow[]>(
      `select distinct on (station_id) station_id as "stationId", hour, aqi, dominant
       from environment.station_aqi where station_id in (?) order by station_id, hour desc`,
      [[...ids]],
    );
    return byKeys(ids, rows, (r) => r.stationId);
  });

export interface LatestReadingRow {
  stationId: string;
  source: string;
  sourceId: string;
  metric: Metric;
  value: number;
  measuredAt: Date;
}

/** The newest raw reading of each metric of each station (kept by ingest in `latest_reading`), in one query. */
export const latestReadingsOf = (ctx: EnvironmentContext) =>
  ctx.loaders.get<string, LatestReadingRow[]>('station:latestReadings', async (ids) => {
    const rows = await ctx.em.getConnection().execute<LatestReadingRow[]>(
      `select station_id as "stationId", source, source_id as "sourceId", metric, value, measured_at as "measuredAt"
       from environment.latest_reading where station_id in (?) order by station_id, metric`,
      [[...ids]],
    );
    return groupByKeys(ids, rows, (r) => r.stationId);
  });
