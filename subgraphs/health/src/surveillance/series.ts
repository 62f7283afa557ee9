import { bucketedSeries, checkSeriesSpan, hasRole, isUuid, STAFF_AND_SYSTEMS, startOfLocalWeek, withinUnitSql } from '@ioc-graph/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { checkCommuneAccess } from '../access';
import { SMALL_COUNT_FLOOR, suppressSmallCounts } from './suppression';
import type { HealthContext } from '../context';
import type { Bucket, Disease } from '../vocabulary';

/** One bucket of a disease's case series over a subtree. */
@ObjectType({ description: 'Cases and deaths of a disease in one bucket (số ca mắc, tử vong theo tuần/tháng)' })
export class CasePoint {
  @Field({ description: 'The bucket’s start (Monday 00:00, midnight or the 1st in Asia/Ho_Chi_Minh for WEEK, DAY, MONTH)' })
  bucketStart!: Date;

  @Field(() => Int, { description: 'Cases reported in the bucket' })
  cases!: number;

  @Field(() => Int, { description: 'Deaths reported in the bucket' })
  deaths!: number;
}

/** A commune's count of one disease in one week. */
@ObjectType({
  description:
    'A commune’s cases of a disease in one ISO week. Public: no; partners: yes, small counts suppressed (see cases); staff and sector systems: yes',
})
export class CommuneCases {
  @Field(() => ID, { description: 'The commune (administrative unit)' })
  unitId!: string;

  @Field({ description: 'The commune’s code' })
  code!: string;

  @Field({ description: 'The commune’s name in Vietnamese' })
  nameVi!: string;

  @Field(() => Int, {
    nullable: true,
    description: `Cases reported in the week. Staff: always the count; partners: null when suppressed (1 to ${SMALL_COUNT_FLOOR - 1}, or the district’s complementary cell)`,
  })
  cases!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Deaths reported in the week. Staff: always the count; partners: null when suppressed (1 to ${SMALL_COUNT_FLOOR - 1}, or the district’s complementary cell)`,
  })
  deaths!: number | null;
}

/** Whether a unit is a commune of the surveillance system. */
async function isCommune(ctx: HealthContext, unitId: string): Promise<boolean> {
  if (!isUuid(unitId)) return false;
  const rows = await ctx.em.getConnection().execute('select 1 from health.reporting_unit where unit_id = ?', [unitId]);
  return rows.length > 0;
}

/**
 * A disease's cases and deaths per bucket in a unit's subtree (the province without one), from the hourly
 * rollups over the hours in [from, to), bucketed in Asia/Ho_Chi_Minh time (WEEK: ISO weeks from Monday
 * 00:00 local). A commune's series is staff data (checkCommuneAccess).
 */
export async function caseSeries(
  ctx: HealthContext,
  args: { disease: Disease; withinUnitId?: string | null; from: Date; to: Date; bucket: Bucket },
): Promise<CasePoint[]> {
  checkSeriesSpan(args.from, args.to, 'A series spans');
  const unitId = args.withinUnitId?.toLowerCase() ?? null;
  if (unitId) checkCommuneAccess(ctx.identity, await isCommune(ctx, unitId));
  const rows = await bucketedSeries<{ cases: number; deaths: number }>(ctx.em, {
    bucket: args.bucket,
    time: 'h.hour',
    source: 'health.hourly_cases h join health.reporting_unit r on r.unit_id = h.unit_id',
    measures: `coalesce(sum(h.sum) filter (where h.measure = 'CASES'), 0)::int as cases, coalesce(sum(h.sum) filter (where h.measure = 'DEATHS'), 0)::int as deaths`,
    where: [{ sql: 'h.disease = ?', params: [args.disease] }, ...(unitId ? [{ sql: withinUnitSql('r'), params: [unitId] }] : [])],
    from: args.from,
    to: args.to,
  });
  return rows.map((r) => ({ bucketStart: r.bucketStart, cases: Number(r.cases), deaths: Number(r.deaths) }));
}

/**
 * Each commune's cases and deaths of a disease in the local ISO week containing `weekOf`, most cases first.
 * Staff and the sector's systems read every count; for anyone else (partners) small counts are suppressed
 * over every commune of the province before the subtree is cut out, so that no choice of `withinUnitId`
 * shows a cell another answer hides.
 */
export async function communeCases(
  ctx: HealthContext,
  args: { disease: Disease; weekOf: Date; withinUnitId?: string | null },
): Promise<CommuneCases[]> {
  const start = startOfLocalWeek(args.weekOf);
  const end = new Date(start.getTime() + 7 * 86_400_000);
  const unitId = args.withinUnitId?.toLowerCase() ?? null;
  const suppress = !hasRole(ctx.identity, ...STAFF_AND_SYSTEMS);
  const filtered = unitId && !suppress;
  const rows = await ctx.em.getConnection().execute<(CommuneCases & { lineage: string[] })[]>(
    `select r.unit_id as "unitId", r.code, r.name_vi as "nameVi", r.unit_lineage as lineage,
       coalesce(sum(h.sum) filter (where h.measure = 'CASES'), 0)::int as cases,
       coalesce(sum(h.sum) filter (where h.measure = 'DEATHS'), 0)::int as deaths
     from health.reporting_unit r
     left join health.hourly_cases h on h.unit_id = r.unit_id and h.disease = ? and h.hour >= ? and h.hour < ?
     where ${filtered ? withinUnitSql('r') : 'true'}
     group by 1, 2, 3, 4 order by cases desc, r.code`,
    [args.disease, start.toISOString(), end.toISOString(), ...(filtered ? [unitId] : [])],
  );
  const counted = rows.map((r) => ({ ...r, cases: Number(r.cases), deaths: Number(r.deaths) }));
  // A partner's list is ordered by what it shows (suppressed cells last): the order by true counts would rank the hidden ones.
  const shown = suppress
    ? suppressSmallCounts(counted, (r) => r.lineage.at(-2) ?? '', ['cases', 'deaths']).sort(
        (a, b) => (b.cases ?? -1) - (a.cases ?? -1) || a.code.localeCompare(b.code),
      )
    : counted;
  return shown.filter((r) => !unitId || r.lineage.includes(unitId)).map(({ lineage: _lineage, ...r }) => r);
}
