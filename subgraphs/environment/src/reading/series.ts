import { bucketedSeries, checkSeriesSpan, groupByKeys, withinUnitSql } from '@ioc-graph/platform';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { Bucket, Metric } from '../vocabulary';

/** One bucket of a metric's time series over the stations of a subtree. */
@ObjectType({ description: 'One bucket of a metric’s time series (điểm chuỗi thời gian): mean, minimum, maximum and number of readings' })
export class SeriesPoint {
  @Field({ description: 'The bucket’s start (midnight, Monday or the 1st in Asia/Ho_Chi_Minh for DAY, WEEK, MONTH)' })
  bucketStart!: Date;

  @Field(() => Float, { description: 'Mean of all readings in the bucket' })
  average!: number;

  @Field(() => Float, { description: 'Lowest reading in the bucket, in the metric’s unit' })
  min!: number;

  @Field(() => Float, { description: 'Highest reading in the bucket, in the metric’s unit' })
  max!: number;

  @Field(() => Int, { description: 'Number of readings' })
  count!: number;
}

/**
 * A metric's series from the hourly rollups of the stations in a unit's subtree (all stations without
 * one), or of one station, over the hours starting in [from, to), bucketed in Asia/Ho_Chi_Minh time.
 */
export async function metricSeries(
  ctx: EnvironmentContext,
  args: { metric: Metric; withinUnitId?: string | null; stationCode?: string | null; from: Date; to: Date; bucket: Bucket },
): Promise<SeriesPoint[]> {
  checkSeriesSpan(args.from, args.to, 'A series spans');
  const rows = await bucketedSeries<{ average: number; min: number; max: number; count: number }>(ctx.em, {
    bucket: args.bucket,
    time: 'r.hour',
    source: 'environment.hourly_rollup r join environment.station s on s.id = r.station_id',
    measures: 'sum(r.sum) / sum(r.count) as average, min(r.min) as min, max(r.max) as max, sum(r.count)::int as count',
    where: [
      { sql: 'r.metric = ?', params: [args.metric] },
      ...(args.withinUnitId ? [{ sql: withinUnitSql('s'), params: [args.withinUnitId.toLowerCase()] }] : []),
      ...(args.stationCode ? [{ sql: 's.code = ?', params: [args.stationCode] }] : []),
    ],
    from: args.from,
    to: args.to,
  });
  return rows.map(seriesPoint);
}

const seriesPoint = (r: { bucketStart: Date; average: number; min: number; max: number; count: number }): SeriesPoint => ({
  bucketStart: r.bucketStart,
  average: Number(r.average),
  min: Number(r.min),
  max: Number(r.max),
  count: Number(r.count),
});

/**
 * Each station's own series of a metric, from its hourly rollups, for every station of a request in one
 * statement per (metric, period, bucket). Finer than `metricSeries`, which mixes the stations of a
 * subtree: partner-level open data (docs/open-data.md), still rollups, never the raw readings.
 */
export function stationSeriesOf(ctx: EnvironmentContext, args: { metric: Metric; from: Date; to: Date; bucket: Bucket }) {
  checkSeriesSpan(args.from, args.to, 'A series spans');
  const key = `station:series:${args.metric}|${args.from.toISOString()}|${args.to.toISOString()}|${args.bucket}`;
  return ctx.loaders.get<string, SeriesPoint[]>(key, async (stationIds) => {
    const rows = await bucketedSeries<{ stationId: string; average: number; min: number; max: number; count: number }>(ctx.em, {
      bucket: args.bucket,
      time: 'r.hour',
      source: 'environment.hourly_rollup r',
      measures: 'sum(r.sum) / sum(r.count) as average, min(r.min) as min, max(r.max) as max, sum(r.count)::int as count',
      groupBy: ['r.station_id as "stationId"'],
      where: [
        { sql: 'r.metric = ?', params: [args.metric] },
        { sql: 'r.station_id in (?)', params: [[...stationIds]] },
      ],
      from: args.from,
      to: args.to,
    });
    return groupByKeys(stationIds, rows, (r) => r.stationId).map((points) => points.map(seriesPoint));
  });
}
