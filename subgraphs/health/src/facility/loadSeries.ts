import { bucketedSeries, checkSeriesSpan, notFound } from '@ioc-graph/platform';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { HealthContext } from '../context';
import type { Bucket } from '../vocabulary';

/** What of a facility's load a series shows. */
export enum LoadMetric {
  BED_OCCUPANCY = 'BED_OCCUPANCY',
  EMERGENCY_WAITING = 'EMERGENCY_WAITING',
  AMBULANCES_AVAILABLE = 'AMBULANCES_AVAILABLE',
}
registerEnumType(LoadMetric, {
  name: 'LoadMetric',
  description: 'What of a facility’s load a series shows (chỉ số tải cơ sở y tế)',
  valuesConfig: {
    BED_OCCUPANCY: { description: 'Bed occupancy, percent (công suất sử dụng giường bệnh)' },
    EMERGENCY_WAITING: { description: 'Emergency patients waiting (bệnh nhân chờ cấp cứu)' },
    AMBULANCES_AVAILABLE: { description: 'Ambulances available (xe cứu thương sẵn sàng)' },
  },
});

/** One bucket of a facility's load series. */
@ObjectType({ description: 'One bucket of a facility’s load: mean, lowest and highest of its reports. Staff roles only' })
export class LoadPoint {
  @Field({ description: 'The bucket’s start (the hour, or midnight, Monday or the 1st in Asia/Ho_Chi_Minh)' })
  bucketStart!: Date;

  @Field(() => Float, { description: 'Mean of the reports in the bucket' })
  average!: number;

  @Field(() => Float, { description: 'Lowest report in the bucket' })
  min!: number;

  @Field(() => Float, { description: 'Highest report in the bucket' })
  max!: number;

  @Field(() => Int, { description: 'Number of reports' })
  reports!: number;
}

/** A facility's load per bucket, from the hourly rollups over the hours in [from, to), in Asia/Ho_Chi_Minh buckets. */
export async function loadSeries(
  ctx: HealthContext,
  args: { facilityCode: string; metric: LoadMetric; from: Date; to: Date; bucket: Bucket },
): Promise<LoadPoint[]> {
  checkSeriesSpan(args.from, args.to, 'A series spans');
  const [facility] = await ctx.em
    .getConnection()
    .execute<{ id: string }[]>('select id from health.facility where code = ?', [args.facilityCode]);
  if (!facility) throw notFound('Facility', args.facilityCode);
  const rows = await bucketedSeries<{ average: number; min: number; max: number; reports: number }>(ctx.em, {
    bucket: args.bucket,
    time: 'h.hour',
    source: 'health.hourly_load h',
    measures: 'sum(h.sum) / sum(h.count) as average, min(h.min) as min, max(h.max) as max, sum(h.count)::int as reports',
    where: [{ sql: 'h.facility_id = ? and h.metric = ?', params: [facility.id, args.metric] }],
    from: args.from,
    to: args.to,
  });
  return rows.map((r) => ({
    bucketStart: r.bucketStart,
    average: Number(r.average),
    min: Number(r.min),
    max: Number(r.max),
    reports: Number(r.reports),
  }));
}
