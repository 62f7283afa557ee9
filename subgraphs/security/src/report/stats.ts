import { bucketedSeries, checkSeriesSpan, localDate, SeriesBucket, withinUnitSql } from '@ioc-graph/platform';
import type { SecurityContext } from '../context';
import type { SecurityCategory } from '../vocabulary';
import type { SecurityCommuneMonthlyCount, SecurityHotspot, SecurityMonthlyCount, SecurityReportStat } from './report';

const categoryFilter = (categories?: SecurityCategory[] | null) =>
  categories?.length ? [{ sql: 'h.category in (?)', params: [categories] }] : [];
const unitFilter = (withinUnitId?: string | null) =>
  withinUnitId ? [{ sql: withinUnitSql('c'), params: [withinUnitId.toLowerCase()] }] : [];
const SOURCE = 'security.hourly_report h join security.commune c on c.id = h.commune_id';

/** Reports per bucket and category over the communes of a subtree, from the hourly rollups, in Asia/Ho_Chi_Minh buckets. */
export async function reportStats(
  ctx: SecurityContext,
  args: { withinUnitId?: string | null; from: Date; to: Date; bucket: SeriesBucket; categories?: SecurityCategory[] | null },
): Promise<SecurityReportStat[]> {
  checkSeriesSpan(args.from, args.to, 'Statistics span');
  const rows = await bucketedSeries<{ category: SecurityCategory; count: number }>(ctx.em, {
    bucket: args.bucket,
    time: 'h.hour',
    source: SOURCE,
    measures: 'sum(h.count)::int as count',
    groupBy: ['h.category'],
    where: [...unitFilter(args.withinUnitId), ...categoryFilter(args.categories)],
    from: args.from,
    to: args.to,
  });
  return rows.map((r) => ({ bucketStart: r.bucketStart, category: r.category, count: Number(r.count) }));
}

/** Reports per local month and category over [from, to), grouped besides by `groupBy` (columns with their aliases). */
async function monthlyRows<Row extends object>(
  ctx: SecurityContext,
  args: { withinUnitId?: string | null; from: Date; to: Date; categories?: SecurityCategory[] | null },
  groupBy: string[],
) {
  checkSeriesSpan(args.from, args.to, 'Statistics span');
  const rows = await bucketedSeries<Row & { category: SecurityCategory; count: number }>(ctx.em, {
    bucket: SeriesBucket.MONTH,
    time: 'h.hour',
    source: SOURCE,
    measures: 'sum(h.count)::int as count',
    groupBy: [...groupBy, 'h.category'],
    where: [...unitFilter(args.withinUnitId), ...categoryFilter(args.categories)],
    from: args.from,
    to: args.to,
  });
  return rows.map(({ bucketStart, ...r }) => ({
    ...r,
    month: localDate(bucketStart).slice(0, 7),
    monthStart: bucketStart,
    count: Number(r.count),
  }));
}

/** Reports per local month, district-level unit and category over the communes of a subtree: the open figure. */
export const monthlyCounts = (
  ctx: SecurityContext,
  args: { withinUnitId?: string | null; from: Date; to: Date; categories?: SecurityCategory[] | null },
): Promise<SecurityMonthlyCount[]> => monthlyRows<{ districtUnitId: string }>(ctx, args, ['c.district_unit_id as "districtUnitId"']);

/**
 * Reports per local month, commune and category over the communes of a subtree: `monthlyCounts` one level
 * down, for partners and staff. Months, never the rolling hours of the hotspots: a count that says where
 * patrols are looking now is staff data.
 */
export const communeMonthlyCounts = (
  ctx: SecurityContext,
  args: { withinUnitId?: string | null; from: Date; to: Date; categories?: SecurityCategory[] | null },
): Promise<SecurityCommuneMonthlyCount[]> =>
  monthlyRows<{ communeId: string; communeCode: string; districtUnitId: string }>(ctx, args, [
    'c.code as "communeCode"',
    'c.id as "communeId"',
    'c.district_unit_id as "districtUnitId"',
  ]);

/** Communes and categories with reports in the last 28 days, by their last 24 hours, most first (at most `limit`). */
export async function hotspots(
  ctx: SecurityContext,
  args: { withinUnitId?: string | null; categories?: SecurityCategory[] | null; limit: number },
): Promise<SecurityHotspot[]> {
  const now = ctx.clock.now().getTime();
  const hour = Math.floor(now / 3_600_000) * 3_600_000;
  const since = (hours: number) => new Date(hour - hours * 3_600_000).toISOString();
  const rows = await ctx.em.getConnection().execute<SecurityHotspot[]>(
    `select c.id as "communeId", c.code as "communeCode", c.name_vi as "communeNameVi", h.category,
       coalesce(sum(h.count) filter (where h.hour > ?::timestamptz), 0)::int as "last24h",
       coalesce(sum(h.count) filter (where h.hour > ?::timestamptz), 0)::int as "last7d",
       sum(h.count)::int as "last28d"
     from ${SOURCE}
     where h.hour > ?::timestamptz and h.hour <= ?::timestamptz
       ${args.withinUnitId ? `and ${withinUnitSql('c')}` : ''} ${args.categories?.length ? 'and h.category in (?)' : ''}
     group by 1, 2, 3, 4 order by "last24h" desc, "last7d" desc, c.code, h.category limit ?`,
    [
      since(24),
      since(24 * 7),
      since(24 * 28),
      new Date(hour).toISOString(),
      ...(args.withinUnitId ? [args.withinUnitId.toLowerCase()] : []),
      ...(args.categories?.length ? [args.categories] : []),
      args.limit,
    ],
  );
  return rows.map((r) => ({ ...r, last24h: Number(r.last24h), last7d: Number(r.last7d), last28d: Number(r.last28d) }));
}
