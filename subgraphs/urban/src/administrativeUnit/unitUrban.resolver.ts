import { isUuid, STAFF_AND_SYSTEMS } from '@ioc-graph/platform';
import { Authorized, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { UrbanContext } from '../context';
import { AdministrativeUnit } from '../foreign/entities';

/** The days back over which `collectionOnTimeRate` is counted. */
export const ON_TIME_DAYS = 7;

/** The urban picture of an administrative unit's subtree: counts are open data, open violations staff only. */
@ObjectType({ description: 'Urban management picture of an administrative unit and the units below it (tình hình quản lý đô thị)' })
export class UnitUrban {
  @Field(() => Int, { description: 'Lighting circuits whose latest report is FAULT or has failed lamps. Public' })
  lightingFaults!: number;

  @Field(() => Int, { description: 'Lamps failed, summed over the circuits’ latest reports. Public' })
  lampsFailed!: number;

  @Field(() => Float, {
    nullable: true,
    description: `Share (0 to 1) of the scheduled collections of the last ${ON_TIME_DAYS} ended local days made on their day; null when none was scheduled. Public`,
  })
  collectionOnTimeRate!: number | null;

  @Authorized(...STAFF_AND_SYSTEMS)
  @Field(() => Int, { description: 'Inspection records still open (violations not remedied). Staff roles only' })
  openViolations!: number;
}

interface Row {
  unitId: string;
  lightingFaults: number;
  lampsFailed: number;
  scheduled: number;
  onTime: number;
  openViolations: number;
}

/** The urban picture of every unit of a request, in one SQL statement. */
const unitUrbanOf = (ctx: UrbanContext) =>
  ctx.loaders.get<string, UnitUrban>('unit:urban', async (ids) => {
    const valid = ids.filter((id) => isUuid(id));
    const rows = valid.length
      ? await ctx.em.getConnection().execute<Row[]>(
          `with today as (select (?::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date as d),
           due as (
             select p.id, p.unit_lineage, g.day::date as day from urban.collection_point p cross join today
             cross join generate_series((today.d - ${ON_TIME_DAYS})::timestamp, (today.d - 1)::timestamp, interval '1 day') as g(day)
             where extract(isodow from g.day)::int = any(p.schedule_days)
               and g.day::date >= (p.created_at at time zone 'Asia/Ho_Chi_Minh')::date
           )
           select u.unit_id as "unitId",
             (select count(*)::int from urban.lighting_circuit c where c.unit_lineage @> array[u.unit_id]
               and (c.state = 'FAULT' or c.failed_lamps > 0)) as "lightingFaults",
             (select coalesce(sum(c.failed_lamps), 0)::int from urban.lighting_circuit c where c.unit_lineage @> array[u.unit_id]) as "lampsFailed",
             (select count(*)::int from due where due.unit_lineage @> array[u.unit_id]) as scheduled,
             (select count(*)::int from due join urban.collection c on c.point_id = due.id and c.local_day = due.day
               where due.unit_lineage @> array[u.unit_id]) as "onTime",
             (select count(*)::int from urban.inspection i where i.unit_lineage @> array[u.unit_id] and i.status = 'OPEN') as "openViolations"
           from unnest(?::text[]) as u(unit_id)`,
          [ctx.clock.now().toISOString(), `{${valid.join(',')}}`],
        )
      : [];
    const byUnit = new Map(rows.map((r) => [r.unitId, r]));
    return ids.map((id) => {
      const row = byUnit.get(id);
      const scheduled = Number(row?.scheduled ?? 0);
      return {
        lightingFaults: Number(row?.lightingFaults ?? 0),
        lampsFailed: Number(row?.lampsFailed ?? 0),
        collectionOnTimeRate: scheduled ? Number(row!.onTime) / scheduled : null,
        openViolations: Number(row?.openViolations ?? 0),
      };
    });
  });

/** The urban picture of the directory's administrative units. */
@Resolver(() => AdministrativeUnit)
export class UnitUrbanResolver {
  @FieldResolver(() => UnitUrban, {
    nullable: true,
    description:
      'Lighting faults, the waste collection on-time rate and open urban-order violations in its subtree; null when the urban service is unavailable',
  })
  urban(@Root() unit: AdministrativeUnit, @Ctx() ctx: UrbanContext): Promise<UnitUrban> {
    return unitUrbanOf(ctx).load(unit.id.toLowerCase());
  }
}
