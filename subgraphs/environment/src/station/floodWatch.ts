import { CacheHint } from '@ioc-graph/platform';
import { Arg, Ctx, Field, Float, ID, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { Metric, StationKind } from '../vocabulary';
import { AlarmLevels, Station } from './station';

/** The highest alarm level a water level has reached. */
export enum FloodAlarm {
  NONE = 'NONE',
  LEVEL_I = 'LEVEL_I',
  LEVEL_II = 'LEVEL_II',
  LEVEL_III = 'LEVEL_III',
}
registerEnumType(FloodAlarm, {
  name: 'FloodAlarm',
  description: 'Highest flood alarm level a water level reaches (cấp báo động lũ); a level equal to an alarm level reaches it',
  valuesConfig: {
    NONE: { description: 'Below alarm level I, or no reading or alarm levels (chưa tới báo động)' },
    LEVEL_I: { description: 'At or above alarm level I (báo động I)' },
    LEVEL_II: { description: 'At or above alarm level II (báo động II)' },
    LEVEL_III: { description: 'At or above alarm level III (báo động III)' },
  },
});

const RANK: Record<FloodAlarm, number> = { NONE: 0, LEVEL_I: 1, LEVEL_II: 2, LEVEL_III: 3 };

/** How high an alarm is: NONE 0 to LEVEL_III 3. */
export const floodAlarmRank = (alarm: FloodAlarm): number => RANK[alarm];

/** The alarm a water level reaches (a level equal to an alarm level reaches it); NONE without a level or alarm levels. */
export function floodAlarm(level: number | null, alarms: AlarmLevels | null): FloodAlarm {
  if (level === null || !alarms) return FloodAlarm.NONE;
  if (level >= alarms.level3) return FloodAlarm.LEVEL_III;
  if (level >= alarms.level2) return FloodAlarm.LEVEL_II;
  if (level >= alarms.level1) return FloodAlarm.LEVEL_I;
  return FloodAlarm.NONE;
}

/** One water level gauge on the flood watch. */
@ObjectType({ description: 'A water level gauge on the flood watch (theo dõi lũ): its latest level and the alarm it reaches' })
export class FloodWatchEntry {
  @Field(() => Station, { description: 'The gauge' })
  station!: Station;

  @Field(() => Float, { nullable: true, description: 'Its latest water level (m); null before any reading' })
  waterLevel!: number | null;

  @Field(() => Date, { nullable: true, description: 'When that level was measured' })
  measuredAt!: Date | null;

  @Field(() => AlarmLevels, { nullable: true, description: 'The gauge’s alarm levels; null when not set' })
  alarmLevels!: AlarmLevels | null;

  @Field(() => FloodAlarm, { description: 'The highest alarm level the latest water level reaches' })
  alarm!: FloodAlarm;
}

/** Flood watch: open data, like the stations themselves. */
@Resolver(() => FloodWatchEntry)
export class FloodWatchResolver {
  @CacheHint(60)
  @Query(() => [FloodWatchEntry], {
    description: 'Each water level gauge (within a unit’s subtree) with its latest level and alarm, highest alarm first. Public',
  })
  async floodWatch(
    @Ctx() ctx: EnvironmentContext,
    @Arg('withinUnitId', () => ID, { nullable: true, description: 'Only gauges in this administrative unit or below it; all when omitted' })
    withinUnitId?: string | null,
  ): Promise<FloodWatchEntry[]> {
    const stations = await ctx.em.find(
      Station,
      { kind: StationKind.WATER_LEVEL, ...(withinUnitId ? { unitLineage: { $contains: [withinUnitId.toLowerCase()] } } : {}) },
      { orderBy: { code: 'ASC' } },
    );
    if (!stations.length) return [];
    const rows = await ctx.em.getConnection().execute<{ stationId: string; value: number; measuredAt: Date }[]>(
      `select station_id as "stationId", value, measured_at as "measuredAt"
       from environment.latest_reading where metric = ? and station_id in (?)`,
      [Metric.WATER_LEVEL, stations.map((s) => s.id)],
    );
    const latest = new Map(rows.map((r) => [r.stationId, r]));
    const entries = stations.map((station) => {
      const { alarmLevel1: level1, alarmLevel2: level2, alarmLevel3: level3 } = station;
      const alarmLevels = level1 !== null && level2 !== null && level3 !== null ? { level1, level2, level3 } : null;
      const reading = latest.get(station.id);
      const waterLevel = reading ? Number(reading.value) : null;
      return {
        station,
        waterLevel,
        measuredAt: reading ? new Date(reading.measuredAt) : null,
        alarmLevels,
        alarm: floodAlarm(waterLevel, alarmLevels),
      };
    });
    return entries.sort((a, b) => RANK[b.alarm] - RANK[a.alarm] || a.station.code.localeCompare(b.station.code));
  }
}
