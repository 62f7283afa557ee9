import { CacheHint, PARTNER_AND_STAFF } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HealthContext } from '../context';
import { HealthIngestResult, MAX_BATCH } from '../facility/load.input';
import { INGEST_ROLES } from '../ingestRoutes';
import { Bucket, Disease } from '../vocabulary';
import { IngestCaseReportsInput } from './cases.input';
import { ingestCaseReports } from './ingestCases';
import { caseSeries, CasePoint, communeCases, CommuneCases } from './series';

/** Disease surveillance: aggregated case counts in (the surveillance system), series out. */
@Resolver()
export class SurveillanceResolver {
  @Authorized(...INGEST_ROLES)
  @Mutation(() => HealthIngestResult, {
    description: `Stores up to ${MAX_BATCH} case counts, validated as a whole and idempotent by (source, sourceId); systems sending more use POST /ingest/v1/case-reports`,
  })
  ingestCaseReports(
    // The ingest checks every count itself, in one pass.
    @Arg('input', () => IngestCaseReportsInput, { description: 'The batch', validate: false }) input: IngestCaseReportsInput,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthIngestResult> {
    return ingestCaseReports(ctx.em, ctx.clock, input.source, input.reports, ctx.identity);
  }

  @CacheHint(60)
  @Query(() => [CasePoint], {
    description:
      'Cases and deaths of a disease per bucket (WEEK: ISO weeks in Asia/Ho_Chi_Minh) in a subtree. Public and partners: the province and district-level units (partners read a week’s commune counts, suppressed, in communeCases); staff and sector systems: a commune too',
  })
  diseaseCaseSeries(
    @Arg('disease', () => Disease, { description: 'The disease' }) disease: Disease,
    @Arg('from', { description: 'Start of the series (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End of the series (exclusive), at most 731 days after from' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each point' }) bucket: Bucket,
    @Ctx() ctx: HealthContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only this administrative unit and below; the province when omitted' })
    withinUnitId?: string | null,
  ): Promise<CasePoint[]> {
    return caseSeries(ctx, { disease, withinUnitId, from, to, bucket });
  }

  @Authorized(...PARTNER_AND_STAFF)
  @Query(() => [CommuneCases], {
    description:
      'Each reporting commune’s cases of a disease in one ISO week, most first. Public: no (diseaseCaseSeries per district-level unit); partners: yes, small counts suppressed; staff and sector systems: yes',
  })
  communeCases(
    @Arg('disease', () => Disease, { description: 'The disease' }) disease: Disease,
    @Arg('weekOf', { description: 'Any instant of the ISO week (Asia/Ho_Chi_Minh)' }) weekOf: Date,
    @Ctx() ctx: HealthContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only communes in this unit’s subtree; all when omitted' })
    withinUnitId?: string | null,
  ): Promise<CommuneCases[]> {
    return communeCases(ctx, { disease, weekOf, withinUnitId });
  }
}
