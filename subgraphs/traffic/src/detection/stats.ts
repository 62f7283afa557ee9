import { badInput, localBucketSql, notFound } from '@ioc-graph/platform';
import type { TrafficContext } from '../context';
import { Bucket, DetectionKind } from '../vocabulary';
import type { CongestionPoint, ViolationStat } from './detection';

/** The longest span of one statistics request. */
const MAX_SPAN_DAYS = 731;

/**
 * Detections per bucket and kind from the hourly rollups of the cameras in a unit's subtree (all
 * cameras without one), over the hours starting in [from, to), bucketed in Asia/Ho_Chi_Minh time (whole
 * UTC hours fall inside one local day: the offset is +07:00).
 */
function checkSpan(from: Date, to: Date) {
  const span = to.getTime() - from.getTime();
  if (!(span > 0)) throw badInput('to must be after from', [{ field: 'to', message: 'must be after from' }]);
  if (span > MAX_SPAN_DAYS * 86_400_000) throw badInput(`Statistics span at most ${MAX_SPAN_DAYS} days`, [{ field: 'to', message: `at most ${MAX_SPAN_DAYS} days after from` }]);
}

export async function violationStats(
  ctx: TrafficContext,
  args: { withinUnitId?: string | null; from: Date; to: Date; bucket: Bucket; kinds?: DetectionKind[] | null },
): Promise<ViolationStat[]> {
  checkSpan(args.from, args.to);
  const within = args.withinUnitId ? 'and c.unit_lineage @> array[?]::text[]' : '';
  const kinds = args.kinds?.length ? 'and h.kind in (?)' : '';
  const rows = await ctx.em.getConnection().execute<{ bucketStart: Date; kind: DetectionKind; count: number }[]>(
    `select ${localBucketSql(args.bucket, 'h.hour')} as "bucketStart", h.kind, sum(h.count)::int as count
     from traffic.hourly_detection h join traffic.camera c on c.id = h.camera_id
     where h.hour >= ? and h.hour < ? ${within} ${kinds}
     group by 1, 2 order by 1, 2`,
    [args.from.toISOString(), args.to.toISOString(), ...(args.withinUnitId ? [args.withinUnitId.toLowerCase()] : []), ...(args.kinds?.length ? [args.kinds] : [])],
  );
  return rows.map((r) => ({ bucketStart: new Date(r.bucketStart), kind: r.kind, count: Number(r.count) }));
}

/**
 * A road segment's congestion per bucket: the average and highest level of its measurements taken in
 * [from, to), bucketed in Asia/Ho_Chi_Minh time; empty buckets are left out. An unknown segment code is
 * NOT_FOUND.
 */
export async function congestionSeries(ctx: TrafficContext, args: { segmentCode: string; from: Date; to: Date; bucket: Bucket }): Promise<CongestionPoint[]> {
  checkSpan(args.from, args.to);
  const connection = ctx.em.getConnection();
  const [segment] = await connection.execute<{ id: string }[]>('select id from traffic.road_segment where code = ?', [args.segmentCode]);
  if (!segment) throw notFound('RoadSegment', args.segmentCode);
  const rows = await connection.execute<{ bucketStart: Date; average: number; max: number; readings: number }[]>(
    `select ${localBucketSql(args.bucket, 'r.measured_at')} as "bucketStart",
            avg(r.level)::float8 as average, max(r.level)::int as max, count(*)::int as readings
     from traffic.congestion_reading r
     where r.segment_id = ? and r.measured_at >= ? and r.measured_at < ?
     group by 1 order by 1`,
    [segment.id, args.from.toISOString(), args.to.toISOString()],
  );
  return rows.map((r) => ({ bucketStart: new Date(r.bucketStart), averageLevel: Number(r.average), maxLevel: Number(r.max), readings: Number(r.readings) }));
}
