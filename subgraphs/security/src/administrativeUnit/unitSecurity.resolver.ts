import { isUuid, localBucketSql, SeriesBucket, STAFF_ROLES } from '@ioc-graph/platform';
import { Authorized, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { SecurityContext } from '../context';
import { AdministrativeUnit } from '../foreign/entities';

/** A commune above its usual level now: an open hotspot breach. */
@ObjectType({ description: 'A commune above its usual level now (điểm nóng đang mở)' })
export class UnitHotspot {
  @Field(() => ID, { description: 'The breach (the source reference of its alert)' })
  breachId!: string;

  @Field({ description: 'The commune’s code' })
  communeCode!: string;

  @Field({ description: 'The commune’s name' })
  communeNameVi!: string;

  @Field({ description: 'The rule breached' })
  ruleCode!: string;

  @Field({ description: 'The incidents category of its alert' })
  categoryCode!: string;

  @Field(() => Int, { description: 'The highest rolling count seen' })
  peakCount!: number;

  @Field(() => Float, { description: 'The usual level it exceeded' })
  usualLevel!: number;

  @Field({ description: 'When it began' })
  startedAt!: Date;
}

/** The security picture of a unit's subtree, for staff. */
@ObjectType({ description: 'Security picture of an administrative unit and the units below it (tình hình an ninh trật tự): staff only' })
export class UnitSecurity {
  @Field(() => Int, { description: 'Reports of the 113 line and patrols since local midnight (Asia/Ho_Chi_Minh)' })
  reportsToday!: number;

  @Field(() => [UnitHotspot], { description: 'Communes of the subtree above their usual level now, longest first' })
  hotspots!: UnitHotspot[];
}

interface UnitSecurityRow {
  unitId: string;
  reportsToday: number;
  hotspots: (Omit<UnitHotspot, 'startedAt'> & { startedAt: string })[] | null;
}

/** The security picture of every unit of a request, in one SQL statement. */
export const unitSecurityOf = (ctx: SecurityContext) =>
  ctx.loaders.get<string, UnitSecurity>('unit:security', async (ids) => {
    const valid = ids.filter((id) => isUuid(id));
    const empty = (): UnitSecurity => ({ reportsToday: 0, hotspots: [] });
    if (!valid.length) return ids.map(empty);
    const now = ctx.clock.now().toISOString();
    const rows = await ctx.em.getConnection().execute<UnitSecurityRow[]>(
      `with today as (select ${localBucketSql(SeriesBucket.DAY, '?::timestamptz')} as start)
       select u.unit_id as "unitId",
         (select coalesce(sum(h.count), 0)::int from security.hourly_report h join security.commune c on c.id = h.commune_id, today
          where c.unit_lineage @> array[u.unit_id] and h.hour >= today.start and h.hour < today.start + interval '1 day') as "reportsToday",
         (select json_agg(json_build_object('breachId', b.id, 'communeCode', c.code, 'communeNameVi', c.name_vi, 'ruleCode', r.code,
                   'categoryCode', r.category_code, 'peakCount', b.peak_value, 'usualLevel', b.usual_level, 'startedAt', b.started_at)
                 order by b.started_at, c.code)
          from security.breach b join security.commune c on c.id = b.commune_id join security.rule r on r.id = b.rule_id
          where b.ended_at is null and c.unit_lineage @> array[u.unit_id]) as hotspots
       from unnest(?::text[]) as u(unit_id)`,
      [now, `{${valid.join(',')}}`],
    );
    const byUnit = new Map(rows.map((r) => [r.unitId, r]));
    return ids.map((id) => {
      const row = byUnit.get(id);
      if (!row) return empty();
      return {
        reportsToday: Number(row.reportsToday),
        hotspots: (row.hotspots ?? []).map((h) => ({ ...h, peakCount: Number(h.peakCount), startedAt: new Date(h.startedAt) })),
      };
    });
  });

/** The security picture of the directory's administrative units: staff only. */
@Resolver(() => AdministrativeUnit)
export class UnitSecurityResolver {
  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => UnitSecurity, {
    nullable: true,
    description:
      'Reports today and open hotspots in its subtree: staff roles only (null, with an error, for others; the rest of the answer stands); null when the security service is unavailable',
  })
  security(@Root() unit: AdministrativeUnit, @Ctx() ctx: SecurityContext): Promise<UnitSecurity> {
    return unitSecurityOf(ctx).load(unit.id.toLowerCase());
  }
}
