import { isUuid } from '@ioc-graph/platform';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { AdministrativeUnit } from '../foreign/entities';
import { floodAlarm, FloodAlarm, FloodWatchEntry, floodAlarmRank } from '../station/floodWatch';
import { stationById } from '../station/station.loader';
import { Metric, StationKind } from '../vocabulary';

@ObjectType({ description: 'The water level gauges of a unit’s subtree on the flood watch: how many, and the highest alarm reached' })
export class UnitWater {
  @Field(() => Int, { description: 'Active water level gauges in the subtree' })
  gauges!: number;

  @Field(() => FloodAlarm, { description: 'The highest alarm level any of them reaches now (NONE when none does)' })
  alarm!: FloodAlarm;

  @Field(() => FloodWatchEntry, {
    nullable: true,
    description: 'The gauge reaching it, the highest level first; null when no gauge has a reading',
  })
  worst!: FloodWatchEntry | null;
}

interface GaugeRow {
  unitId: string;
  stationId: string;
  code: string;
  level1: number | null;
  level2: number | null;
  level3: number | null;
  value: number | null;
  measuredAt: Date | null;
}

interface UnitGauges {
  gauges: number;
  worst: GaugeRow | null;
  alarm: FloodAlarm;
}

/** The active water level gauges of each unit's subtree with their latest level, for all units of a request in one query. */
const unitGaugesOf = (ctx: EnvironmentContext) =>
  ctx.loaders.get<string, UnitGauges>('unit:water', async (ids) => {
    const valid = ids.filter((id) => isUuid(id));
    const rows = valid.length
      ? await ctx.em.getConnection().execute<GaugeRow[]>(
          `select u.unit_id as "unitId", s.id as "stationId", s.code, s.alarm_level1 as level1, s.alarm_level2 as level2,
                  s.alarm_level3 as level3, r.value, r.measured_at as "measuredAt"
           from unnest(?::text[]) as u(unit_id)
           join environment.station s on s.unit_lineage @> array[u.unit_id] and s.kind = ? and s.active
           left join environment.latest_reading r on r.station_id = s.id and r.metric = ?`,
          [`{${valid.join(',')}}`, StationKind.WATER_LEVEL, Metric.WATER_LEVEL],
        )
      : [];
    const byUnit = new Map<string, UnitGauges>();
    for (const row of rows) {
      const held = byUnit.get(row.unitId) ?? { gauges: 0, worst: null, alarm: FloodAlarm.NONE };
      held.gauges++;
      const alarm = alarmOf(row);
      if (row.value !== null && isWorse(row, alarm, held)) Object.assign(held, { worst: row, alarm });
      byUnit.set(row.unitId, held);
    }
    return ids.map((id) => byUnit.get(id) ?? { gauges: 0, worst: null, alarm: FloodAlarm.NONE });
  });

const alarmOf = (row: GaugeRow): FloodAlarm =>
  floodAlarm(
    row.value === null ? null : Number(row.value),
    row.level1 !== null && row.level2 !== null && row.level3 !== null
      ? { level1: row.level1, level2: row.level2, level3: row.level3 }
      : null,
  );

/** A higher alarm wins; at the same alarm the higher level, then the code, so the answer does not depend on row order. */
function isWorse(row: GaugeRow, alarm: FloodAlarm, held: UnitGauges): boolean {
  if (!held.worst) return true;
  const byAlarm = floodAlarmRank(alarm) - floodAlarmRank(held.alarm);
  if (byAlarm) return byAlarm > 0;
  const byLevel = Number(row.value) - Number(held.worst.value);
  return byLevel ? byLevel > 0 : row.code < held.worst.code;
}

/** The flood watch of the directory's administrative units: open data, like `floodWatch`. */
@Resolver(() => AdministrativeUnit)
export class UnitWaterResolver {
  @FieldResolver(() => UnitWater, {
    nullable: true,
    description:
      'Its water level gauges (the whole subtree) and the highest flood alarm they reach; null when the environment service is unavailable',
  })
  async water(@Root() unit: AdministrativeUnit, @Ctx() ctx: EnvironmentContext): Promise<UnitWater> {
    const { gauges, worst, alarm } = await unitGaugesOf(ctx).load(unit.id.toLowerCase());
    const station = worst ? await stationById(ctx).load(worst.stationId) : null;
    const entry =
      worst && station
        ? {
            station,
            waterLevel: Number(worst.value),
            measuredAt: new Date(worst.measuredAt!),
            alarmLevels:
              worst.level1 !== null && worst.level2 !== null && worst.level3 !== null
                ? { level1: worst.level1, level2: worst.level2, level3: worst.level3 }
                : null,
            alarm,
          }
        : null;
    return { gauges, alarm, worst: entry };
  }
}
