import { badInput, CacheHint, ConnectionArgs, paginate, PARTNER_AND_STAFF, STAFF_ROLES } from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeUnit, ref } from '../foreign/entities';
import type { SecurityContext } from '../context';
import { Bucket, SECURITY_CATEGORIES, SecurityCategory, ReportStatus } from '../vocabulary';
import {
  SecurityCategoryInfo,
  SecurityCommuneMonthlyCount,
  SecurityHotspot,
  SecurityMonthlyCount,
  SecurityReport,
  SecurityReportStat,
} from './report';
import { INGEST_ROLES } from './report.bulk';
import { IngestSecurityReportsInput, SecurityIngestResult, SecurityReportConnection } from './report.input';
import { ingestReports, MAX_BATCH } from './ingestReports';
import { communeMonthlyCounts, hotspots, monthlyCounts, reportStats } from './stats';

/** Reports in (the police system and operators), cases and hotspots out to staff, monthly counts to everyone (per commune to partners). */
@Resolver(() => SecurityReport)
export class SecurityReportResolver {
  @Authorized(...INGEST_ROLES)
  @Mutation(() => SecurityIngestResult, {
    description: `Stores up to ${MAX_BATCH} reports of the 113 line and patrols, validated as a whole and idempotent by (source, sourceId); the police system sends more through POST /ingest/v1/security-reports`,
  })
  ingestSecurityReports(
    // The ingest checks every report itself, in one pass.
    @Arg('input', () => IngestSecurityReportsInput, { description: 'The batch', validate: false }) input: IngestSecurityReportsInput,
    @Ctx() ctx: SecurityContext,
  ): Promise<SecurityIngestResult> {
    return ingestReports(ctx.em, ctx.clock, input.source, input.reports as unknown as Record<string, unknown>[], ctx.identity);
  }

  @CacheHint(3600)
  @Query(() => [SecurityCategoryInfo], {
    description: 'The categories of security reports with their Vietnamese and English names. Public',
  })
  securityCategories(): SecurityCategoryInfo[] {
    return Object.entries(SECURITY_CATEGORIES).map(([code, c]) => ({
      code: code as SecurityCategory,
      nameVi: c.nameVi,
      nameEn: c.nameEn,
      incidentCategoryCode: c.incidentCategory,
    }));
  }

  @CacheHint(60)
  @Query(() => [SecurityMonthlyCount], {
    description:
      'Reports per month (Asia/Ho_Chi_Minh), district-level unit and category over [from, to): the open figure of the security sector. Public',
  })
  securityMonthlyCounts(
    @Arg('from', { description: 'Start (inclusive, UTC instant); give the 1st at 00:00 local (17:00Z the day before) for whole months' })
    from: Date,
    @Arg('to', { description: 'End (exclusive), at most 731 days after from' }) to: Date,
    @Ctx() ctx: SecurityContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only this administrative unit and below it; the province when omitted' })
    withinUnitId?: string | null,
    @Arg('categories', () => [SecurityCategory], { nullable: true, description: 'Only these categories; all when omitted' })
    categories?: SecurityCategory[] | null,
  ) {
    return monthlyCounts(ctx, { from, to, withinUnitId, categories });
  }

  @CacheHint(60)
  @Authorized(...PARTNER_AND_STAFF)
  @Query(() => [SecurityCommuneMonthlyCount], {
    description:
      'Reports per month (Asia/Ho_Chi_Minh), commune and category over [from, to), by month then commune code. Public: no (securityMonthlyCounts per district-level unit); partners, staff and sector systems: yes',
  })
  securityCommuneMonthlyCounts(
    @Arg('from', { description: 'Start (inclusive, UTC instant); give the 1st at 00:00 local (17:00Z the day before) for whole months' })
    from: Date,
    @Arg('to', { description: 'End (exclusive), at most 731 days after from' }) to: Date,
    @Ctx() ctx: SecurityContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only communes in this unit’s subtree; the province when omitted' })
    withinUnitId?: string | null,
    @Arg('categories', () => [SecurityCategory], { nullable: true, description: 'Only these categories; all when omitted' })
    categories?: SecurityCategory[] | null,
  ) {
    return communeMonthlyCounts(ctx, { from, to, withinUnitId, categories });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [SecurityReportStat], {
    description:
      'Reports per category and Asia/Ho_Chi_Minh bucket (hour, day, week, month) over the communes of a subtree. Staff roles only',
  })
  securityReportStats(
    @Arg('from', { description: 'Start (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End (exclusive), at most 731 days after from' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each bucket' }) bucket: Bucket,
    @Ctx() ctx: SecurityContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only this unit and below it' }) withinUnitId?: string | null,
    @Arg('categories', () => [SecurityCategory], { nullable: true, description: 'Only these categories' })
    categories?: SecurityCategory[] | null,
  ) {
    return reportStats(ctx, { from, to, bucket, withinUnitId, categories });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [SecurityHotspot], {
    description: 'Reports per commune and category over the last 24 hours, 7 and 28 days, most in 24 hours first. Staff roles only',
  })
  securityHotspots(
    @Ctx() ctx: SecurityContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only communes in this unit’s subtree' }) withinUnitId?: string | null,
    @Arg('categories', () => [SecurityCategory], { nullable: true, description: 'Only these categories' })
    categories?: SecurityCategory[] | null,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many rows (1–200)' }) limit = 50,
  ) {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw badInput('limit must be 1 to 200', [{ field: 'limit', message: 'must be 1 to 200' }]);
    return hotspots(ctx, { withinUnitId, categories, limit });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => SecurityReportConnection, { description: 'Reports (cases), newest first. Staff roles only; no personal data is held' })
  async securityReports(
    @Args() { first, after }: ConnectionArgs,
    @Ctx() ctx: SecurityContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only communes in this unit’s subtree' }) withinUnitId?: string | null,
    @Arg('category', () => SecurityCategory, { nullable: true, description: 'Only this category' }) category?: SecurityCategory | null,
    @Arg('status', () => ReportStatus, { nullable: true, description: 'Only this status' }) status?: ReportStatus | null,
    @Arg('from', () => Date, { nullable: true, description: 'Reported at or after (UTC instant)' }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Reported before (UTC instant)' }) to?: Date | null,
  ) {
    const where: FilterQuery<SecurityReport>[] = [];
    if (withinUnitId) {
      const communes = await ctx.em
        .getConnection()
        .execute<{ id: string }[]>('select id from security.commune where unit_lineage @> array[?]::text[]', [withinUnitId.toLowerCase()]);
      where.push({ communeId: { $in: communes.map((c) => c.id) } });
    }
    if (category) where.push({ category });
    if (status) where.push({ status });
    if (from) where.push({ reportedAt: { $gte: from } });
    if (to) where.push({ reportedAt: { $lt: to } });
    return paginate(ctx.em, SecurityReport, where.length ? { $and: where } : {}, {
      first,
      after,
      orderBy: 'reportedAt',
      direction: 'DESC',
    });
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The commune or ward; null when the directory is unavailable' })
  commune(@Root() report: SecurityReport) {
    return ref<AdministrativeUnit>(report.communeId);
  }
}

/** The district-level unit of a monthly count, as the directory's entity. */
@Resolver(() => SecurityMonthlyCount)
export class SecurityMonthlyCountResolver {
  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description: 'The district-level unit; null when the directory is unavailable',
  })
  district(@Root() count: SecurityMonthlyCount) {
    return ref<AdministrativeUnit>(count.districtUnitId);
  }
}
