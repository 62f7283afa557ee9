import { isUuid, localBucketSql, SeriesBucket } from '@ioc-graph/platform';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { onlineSql } from '../camera/cameraStatus';
import type { TrafficContext } from '../context';
import { VIOLATION_KINDS } from '../vocabulary';
import { AdministrativeUnit } from '../foreign/entities';

/** How old a segment's latest congestion measurement may be and still count as current. */
export const CURRENT_CONGESTION_MINUTES = 30;

/** The traffic picture of an administrative unit's subtree: open data, no personal data. */
@ObjectType({ description: 'Traffic picture of an administrative unit and the units below it (tình hình giao thông địa bàn)' })
export class UnitTraffic {
  @Field(() => Int, {
    description: 'Violations (red light, wrong lane, speeding, illegal parking) seen by cameras since local midnight (Asia/Ho_Chi_Minh)',
  })
  violationsToday!: number;

  @Field(() => Int, { description: 'Cameras heard from within the CAMERA_OFFLINE rule’s minutes' })
  camerasOnline!: number;

  @Field(() => Int, { description: 'Cameras not heard from within the CAMERA_OFFLINE rule’s minutes' })
  camerasOffline!: number;

  @Field(() => Int, { description: 'Segments whose latest measurement (within 30 minutes) is at or above the congestion rule’s level' })
  congestedSegments!: number;
}

interface UnitTrafficRow extends UnitTraffic {
  unitId: string;
}

/** The traffic picture of every unit of a request, in one SQL statement. */
export const unitTrafficOf = (ctx: TrafficContext) =>
  ctx.loaders.get<string, UnitTraffic>('unit:traffic', async (ids) => {
    const valid = ids.filter((id) => isUuid(id));
    const empty: UnitTraffic = { violationsToday: 0, camerasOnline: 0, camerasOffline: 0, congestedSegments: 0 };
    if (!valid.length) return ids.map(() => empty);
    const now = ctx.clock.now().toISOString();
    const rows = await ctx.em.getConnection().execute<UnitTrafficRow[]>(
      `with today as (
         select ${localBucketSql(SeriesBucket.DAY, '?::timestamptz')} as start
       ), level as (
         select coalesce((select r.threshold from traffic.rule r where r.kind = 'CONGESTION' and r.active order by r.code limit 1), 4) as threshold
       )
       select u.unit_id as "unitId",
         (select coalesce(sum(h.count), 0)::int from traffic.hourly_detection h join traffic.camera c on c.id = h.camera_id, today
          where c.unit_lineage @> array[u.unit_id] and h.kind in (?) and h.hour >= today.start and h.hour < today.start + interval '1 day') as "violationsToday",
         (select count(*)::int from traffic.camera c where c.unit_lineage @> array[u.unit_id] and ${onlineSql('c')}) as "camerasOnline",
         (select count(*)::int from traffic.camera c where c.unit_lineage @> array[u.unit_id] and not ${onlineSql('c')}) as "camerasOffline",
         (select count(*)::int from traffic.road_segment s, level
          join lateral (select x.level, x.measured_at from traffic.congestion_reading x where x.segment_id = s.id order by x.measured_at desc limit 1) l on true
          where s.unit_lineage @> array[u.unit_id] and l.level >= level.threshold and l.measured_at > ?::timestamptz - interval '${CURRENT_CONGESTION_MINUTES} minutes') as "congestedSegments"
       from unnest(?::text[]) as u(unit_id)`,
      [now, [...VIOLATION_KINDS], now, now, now, `{${valid.join(',')}}`],
    );
    const byUnit = new Map(rows.map((r) => [r.unitId, r]));
    return ids.map((id) => {
      const row = byUnit.get(id);
      return row
        ? {
            violationsToday: Number(row.violationsToday),
            camerasOnline: Number(row.camerasOnline),
            camerasOffline: Number(row.camerasOffline),
            congestedSegments: Number(row.congestedSegments),
          }
        : empty;
    });
  });

/** The traffic picture of the directory's administrative units. */
@Resolver(() => AdministrativeUnit)
export class UnitTrafficResolver {
  @FieldResolver(() => UnitTraffic, {
    nullable: true,
    description:
      'Violations today, cameras online and offline, congested segments in its subtree; null when the traffic service is unavailable',
  })
  traffic(@Root() unit: AdministrativeUnit, @Ctx() ctx: TrafficContext): Promise<UnitTraffic> {
    return unitTrafficOf(ctx).load(unit.id.toLowerCase());
  }
}
