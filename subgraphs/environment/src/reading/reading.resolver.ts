import { CacheHint } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { Bucket, Metric } from '../vocabulary';
import { ingestReadings, MAX_BATCH } from './ingest';
import { INGEST_ROLES } from './reading.bulk';
import { IngestReadingsInput, IngestResult } from './reading.input';
import { metricSeries, SeriesPoint } from './series';

/** Readings in (the sector's platforms and operators) and statistics out (open data). */
@Resolver()
export class ReadingResolver {
  @Authorized(...INGEST_ROLES)
  @Mutation(() => IngestResult, {
    description: `Stores up to ${MAX_BATCH} readings, validated as a whole and idempotent by (source, sourceId); systems sending more use POST /ingest/v1/readings`,
  })
  ingestReadings(
    // The ingest checks every reading itself, in one pass: class-validator would walk 10,000 objects for nothing.
    @Arg('input', () => IngestReadingsInput, { description: 'The batch', validate: false }) input: IngestReadingsInput,
    @Ctx() ctx: EnvironmentContext,
  ): Promise<IngestResult> {
    return ingestReadings(ctx.em, ctx.clock, input.source, input.readings, ctx.identity);
  }

  @CacheHint(60)
  @Query(() => [SeriesPoint], {
    description: 'A metric’s time series over the stations of a subtree, from the hourly rollups, in Asia/Ho_Chi_Minh buckets. Public',
  })
  metricSeries(
    @Arg('metric', () => Metric, { description: 'The metric' }) metric: Metric,
    @Arg('from', { description: 'Start of the series (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End of the series (exclusive), at most 731 days after from' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each point' }) bucket: Bucket,
    @Ctx() ctx: EnvironmentContext,
    @Arg('withinUnitId', () => ID, {
      nullable: true,
      description: 'Only stations in this administrative unit or below it; all stations when omitted',
    })
    withinUnitId?: string | null,
    @Arg('stationCode', () => String, {
      nullable: true,
      description: 'Only this station (its code, e.g. BP-KK-DX01); an unknown code gives an empty series',
    })
    stationCode?: string | null,
  ) {
    return metricSeries(ctx, { metric, withinUnitId, stationCode, from, to, bucket });
  }
}
