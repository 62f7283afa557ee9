import { isUuid, startOfLocalWeek, STAFF_AND_SYSTEMS } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { checkCommuneAccess } from '../access';
import type { HealthContext } from '../context';
import { AdministrativeUnit } from '../foreign/entities';
import { Disease } from '../vocabulary';

/** The health picture of an administrative unit's subtree. */
@ObjectType({ description: 'Health picture of an administrative unit and the units below it (tình hình y tế địa bàn)' })
export class UnitHealth {
  unitId!: string;
  /** Whether the unit is a commune reporting to the surveillance system (its counts are staff data). */
  commune!: boolean;

  @Field(() => Int, { description: 'Health facilities in operation in its subtree. Public' })
  facilities!: number;

  @Field(() => Int, { description: 'Inpatient beds in operation in its subtree. Public' })
  beds!: number;

  @Authorized(...STAFF_AND_SYSTEMS)
  @Field(() => Int, {
    description: 'Beds free by the latest load report of each facility of its subtree that reports one. Staff roles only',
  })
  bedsAvailable!: number;

  @Field({ description: 'Whether an outbreak (a commune above its epidemic threshold) is open in its subtree. Public' })
  outbreakActive!: boolean;
}

/** The unit picture of every unit of a request, in one SQL statement. */
const unitHealthOf = (ctx: HealthContext) =>
  ctx.loaders.get<string, UnitHealth>('unit:health', async (ids) => {
    const valid = ids.filter((id) => isUuid(id));
    const rows = valid.length
      ? await ctx.em.getConnection().execute<(Omit<UnitHealth, 'unitId'> & { unitId: string })[]>(
          `select u.unit_id as "unitId",
             exists(select 1 from health.reporting_unit r where r.unit_id::text = u.unit_id) as commune,
             (select count(*)::int from health.facility f where f.unit_lineage @> array[u.unit_id] and f.active) as facilities,
             (select coalesce(sum(f.beds), 0)::int from health.facility f where f.unit_lineage @> array[u.unit_id] and f.active) as beds,
             (select coalesce(sum(greatest(f.beds - l.beds_occupied, 0)), 0)::int
                from health.facility f join health.latest_load l on l.facility_id = f.id
                where f.unit_lineage @> array[u.unit_id] and f.active) as "bedsAvailable",
             exists(select 1 from health.breach b join health.reporting_unit r on r.unit_id = b.subject_id
                    where b.ended_at is null and b.subject_type = 'AdministrativeUnit' and r.unit_lineage @> array[u.unit_id]) as "outbreakActive"
           from unnest(?::text[]) as u(unit_id)`,
          [`{${valid.join(',')}}`],
        )
      : [];
    const byUnit = new Map(rows.map((r) => [r.unitId, r]));
    return ids.map(
      (id) => byUnit.get(id) ?? { unitId: id, commune: false, facilities: 0, beds: 0, bedsAvailable: 0, outbreakActive: false },
    );
  });

/** Cases of a disease this local ISO week per (unit, disease) of a request, in one SQL statement. */
const casesThisWeekOf = (ctx: HealthContext) =>
  ctx.loaders.get<string, number>('unit:casesThisWeek', async (keys) => {
    const pairs = keys.map((key) => key.split('/')).filter(([unitId]) => isUuid(unitId));
    const weekStart = startOfLocalWeek(ctx.clock.now());
    const rows = pairs.length
      ? await ctx.em.getConnection().execute<{ unitId: string; disease: string; cases: number }[]>(
          `select k.unit_id as "unitId", k.disease, coalesce(sum(h.sum), 0)::int as cases
           from jsonb_to_recordset(?::jsonb) as k(unit_id text, disease text)
           left join (health.hourly_cases h join health.reporting_unit r on r.unit_id = h.unit_id)
             on r.unit_lineage @> array[k.unit_id] and h.disease = k.disease and h.measure = 'CASES' and h.hour >= ? and h.hour < ?
           group by 1, 2`,
          [
            JSON.stringify(pairs.map(([unit_id, disease]) => ({ unit_id, disease }))),
            weekStart.toISOString(),
            new Date(weekStart.getTime() + 7 * 86_400_000).toISOString(),
          ],
        )
      : [];
    const byKey = new Map(rows.map((r) => [`${r.unitId}/${r.disease}`, Number(r.cases)]));
    return keys.map((key) => byKey.get(key) ?? 0);
  });

/** The health picture of the directory's administrative units. */
@Resolver(() => AdministrativeUnit)
export class UnitHealthResolver {
  @FieldResolver(() => UnitHealth, {
    nullable: true,
    description: 'Facilities, beds, this week’s cases and open outbreaks in its subtree; null when the health service is unavailable',
  })
  health(@Root() unit: AdministrativeUnit, @Ctx() ctx: HealthContext): Promise<UnitHealth> {
    return unitHealthOf(ctx).load(unit.id.toLowerCase());
  }
}

/** This week's cases of a unit: open data for district-level units and the province, staff data for a commune. */
@Resolver(() => UnitHealth)
export class UnitHealthCasesResolver {
  @FieldResolver(() => Int, {
    description:
      'Cases of the disease reported in its subtree this ISO week (Monday 00:00 Asia/Ho_Chi_Minh on). Public for a district-level unit or the province; staff roles only for a commune',
  })
  casesThisWeek(
    @Root() health: UnitHealth,
    @Arg('disease', () => Disease, { description: 'The disease' }) disease: Disease,
    @Ctx() ctx: HealthContext,
  ): Promise<number> {
    checkCommuneAccess(ctx.identity, health.commune);
    return casesThisWeekOf(ctx).load(`${health.unitId}/${disease}`);
  }
}
