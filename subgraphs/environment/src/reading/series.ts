import { badInput, localBucketSql } from '@ioc-graph/platform';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { Bucket, Metric } from '../vocabulary';

/** The time zone the buckets of every series are aligned to. */
/** The longest span of one series request. */
const MAX_SPAN_DAYS = 731;

/** One bucket of a metric's time series over the stations of a subtree. */
@ObjectType({ description: 'Một khoảng của chuỗi thời gian: trung bình, nhỏ nhất, lớn nhất, số lần đo' })
export class SeriesPoint {
  @Field({ description: 'The bucket’s start (midnight, Monday or the 1st in Asia/Ho_Chi_Minh for DAY, WEEK, MONTH)' })
  bucketStart!: Date;

  @Field(() => Float, { description: 'Mean of all readings in the bucket' })
  average!: number;

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field(() => Int, { description: 'Number of readings' })
  count!: number;
}


/**
 * A metric's series from the hourly rollups of the stations in a unit's subtree (all stations without
 * one), over the hours starting in [from, to), bucketed in Asia/Ho_Chi_Minh time.
 */
export async function metricSeries(
  ctx: EnvironmentContext,
  args: { metric: Metric; withinUnitId?: string | null; from: Date; to: Date; bucket: Bucket },
): Promise<SeriesPoint[]> {
  const span = args.to.getTime() - args.from.getTime();
  if (!(span > 0)) throw badInput('to must be after from', [{ field: 'to', message: 'must be after from' }]);
  if (span > MAX_SPAN_DAYS * 86_400_000) throw badInput(`A series spans at most ${MAX_SPAN_DAYS} days`, [{ field: 'to', message: `at most ${MAX_SPAN_DAYS} days after from` }]);
  const within = args.withinUnitId ? `and s.unit_lineage @> array[?]::text[]` : '';
  const rows = await ctx.em.getConnection().execute<{ bucketStart: Date; average: number; min: number; max: number; count: number }[]>(
    `select ${localBucketSql(args.bucket, 'r.hour')} as "bucketStart",
            sum(r.sum) / sum(r.count) as average, min(r.min) as min, max(r.max) as max, sum(r.count)::int as count
     from environment.hourly_rollup r join environment.station s on s.id = r.station_id
     where r.metric = ? and r.hour >= ? and r.hour < ? ${within}
     group by 1 order by 1`,
    [args.metric, args.from.toISOString(), args.to.toISOString(), ...(args.withinUnitId ? [args.withinUnitId.toLowerCase()] : [])],
  );
  return rows.map((r) => ({ bucketStart: new Date(r.bucketStart), average: Number(r.average), min: Number(r.min), max: Number(r.max), count: Number(r.count) }));
}
