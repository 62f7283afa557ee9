import { Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { Bucket, Metric } from '../vocabulary';
import { ingestReadings, MAX_BATCH } from './ingest';
import { IngestReadingsInput, IngestResult } from './reading.input';
import { metricSeries, SeriesPoint } from './series';

/** Readings in (the sector's platforms and operators) and statistics out (open data). */
@Resolver()
export class ReadingResolver {
  @Authorized(Role.SYSTEM, Role.OPERATOR)
  @Mutation(() => IngestResult, { description: `Stores up to ${MAX_BATCH} readings, validated as a whole and idempotent by (source, sourceId)` })
  ingestReadings(@Arg('input', () => IngestReadingsInput) input: IngestReadingsInput, @Ctx() ctx: EnvironmentContext): Promise<IngestResult> {
    return ingestReadings(ctx.em as never, ctx.clock, input.source, input.readings, ctx.identity);
  }

  @Query(() => [SeriesPoint], { description: 'A metric’s time series over the stations of a subtree, from the hourly rollups, in Asia/Ho_Chi_Minh buckets' })
  metricSeries(
    @Arg('metric', () => Metric) metric: Metric,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('bucket', () => Bucket) bucket: Bucket,
    @Ctx() ctx: EnvironmentContext,
    @Arg('withinUnitId', () => ID, { nullable: true }) withinUnitId?: string | null,
  ) {
    return metricSeries(ctx, { metric, withinUnitId, from, to, bucket });
  }
}
