import { bucketedSeries, checkSeriesSpan, notFound, withinUnitSql } from '@ioc-graph/platform';
import type { TrafficContext } from '../context';
import { Bucket, DetectionKind } from '../vocabulary';
import type { CongestionPoint, ViolationStat } from './detection';

/**
 * Detections per bucket and kind from the hourly rollups of the cameras in a unit's subtree (all
 * cameras without one), over the hours starting in [from, to), bucketed in Asia/Ho_Chi_Minh time.
 */
export async function violationStats(
  ctx: TrafficContext,
  args: { withinUnitId?: string | null; from: Date; to: Date; bucket: Bucket; kinds?: DetectionKind[] | null },
): Promise<ViolationStat[]> {
  checkSeriesSpan(args.from, args.to, 'Statistics span');
  const rows = await bucketedSeries<{ kind: DetectionKind; count: number }>(ctx.em, {
    bucket: args.bucket,
    time: 'h.hour',
    source: 'traffic.hourly_detection h join traffic.camera c on c.id = h.camera_id',
    measures: 'sum(h.count)::int as count',
    groupBy: ['h.kind'],
    where: [
      ...(args.withinUnitId ? [{ sql: withinUnitSql('c'), params: [args.withinUnitId.toLowerCase()] }] : []),
      ...(args.kinds?.length ? [{ sql: 'h.kind in (?)', params: [args.kinds] }] : []),
    ],
    from: args.from,
    to: args.to,
  });
  return rows.map((r) => ({ bucketStart: r.bucketStart, kind: r.kind, count: Number(r.count) }));
}

/**
 * A road segment's congestion per bucket: the average and highest level of its measurements taken in
 * [from, to), bucketed in Asia/Ho_Chi_Minh time; empty buckets are left out. An unknown segment code is
 * NOT_FOUND.
 */
export async function congestionSeries(
  ctx: TrafficContext,
  args: { segmentCode: string; from: Date; to: Date; bucket: Bucket },
): Promise<CongestionPoint[]> {
  checkSeriesSpan(args.from, args.to, 'Statistics span');
  const [segment] = await ctx.em
    .getConnection()
    .execute<{ id: string }[]>('select id from traffic.road_segment where code = ?', [args.segmentCode]);
  if (!segment) throw notFound('RoadSegment', args.segmentCode);
  const rows = await bucketedSeries<{ average: number; max: number; readings: number }>(ctx.em, {
    bucket: args.bucket,
    time: 'r.measured_at',
    source: 'traffic.congestion_reading r',
    measures: 'avg(r.level)::float8 as average, max(r.level)::int as max, count(*)::int as readings',
    where: [{ sql: 'r.segment_id = ?', params: [segment.id] }],
    from: args.from,
    to: args.to,
  });
  return rows.map((r) => ({
    bucketStart: r.bucketStart,
    averageLevel: Number(r.average),
    maxLevel: Number(r.max),
    readings: Number(r.readings),
  }));
}
