import { CacheHint, PARTNER_AND_STAFF, STAFF_AND_SYSTEMS } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { EnvironmentContext } from '../context';
import { AdministrativeUnit, ref } from '../foreign/entities';
import { Reading } from '../reading/reading';
import { SeriesPoint, stationSeriesOf } from '../reading/series';
import { Bucket, Metric, StationKind } from '../vocabulary';
import { airQualityOf, StationAirQuality } from './airQuality';
import { dailyAqiOf, StationDailyAirQuality } from './dailyAqi';
import { AlarmLevels, Station } from './station';
import { latestAqiOf, latestReadingsOf, stationByCode } from './station.loader';

/** Monitoring stations: open data (where they are, what they measure, their AQI). */
@Resolver(() => Station)
export class StationResolver {
  @CacheHint(60)
  @Query(() => [Station], {
    description: 'Stations, optionally of one kind and within an administrative unit’s subtree, by code. Public',
  })
  stations(
    @Ctx() ctx: EnvironmentContext,
    @Arg('kind', () => StationKind, { nullable: true, description: 'Only stations of this kind; all when omitted' })
    kind?: StationKind | null,
    @Arg('withinUnitId', () => ID, {
      nullable: true,
      description: 'Only stations in this administrative unit or below it; all when omitted',
    })
    withinUnitId?: string | null,
  ) {
    return ctx.em.find(
      Station,
      { ...(kind ? { kind } : {}), ...(withinUnitId ? { unitLineage: { $contains: [withinUnitId.toLowerCase()] } } : {}) },
      { orderBy: { code: 'ASC' } },
    );
  }

  @CacheHint(60)
  @Query(() => Station, { nullable: true, description: 'A station by its code; null when there is none. Public' })
  station(@Arg('code', { description: 'Code of the station, e.g. BP-KK-DX01' }) code: string, @Ctx() ctx: EnvironmentContext) {
    return stationByCode(ctx).load(code);
  }

  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description: 'The administrative unit it sits in; null when the directory service is unavailable',
  })
  administrativeUnit(@Root() station: Station) {
    return ref<AdministrativeUnit>(station.unitId);
  }

  @FieldResolver(() => AlarmLevels, { nullable: true, description: 'Alarm levels I, II, III of a water level gauge' })
  alarmLevels(@Root() station: Station): AlarmLevels | null {
    const { alarmLevel1: level1, alarmLevel2: level2, alarmLevel3: level3 } = station;
    return level1 !== null && level2 !== null && level3 !== null ? { level1, level2, level3 } : null;
  }

  @FieldResolver(() => StationAirQuality, { nullable: true, description: 'Its latest hourly VN_AQI (air stations)' })
  async airQuality(@Root() station: Station, @Ctx() ctx: EnvironmentContext) {
    const row = await latestAqiOf(ctx).load(station.id);
    return row ? airQualityOf(row) : null;
  }

  @FieldResolver(() => StationDailyAirQuality, {
    nullable: true,
    description: 'Its daily VN_AQI for a local date (YYYY-MM-DD, Asia/Ho_Chi_Minh) from that day’s hourly averages; null without PM data',
  })
  dailyAqi(
    @Root() station: Station,
    @Arg('date', { description: 'Local date, YYYY-MM-DD (Asia/Ho_Chi_Minh)' }) date: string,
    @Ctx() ctx: EnvironmentContext,
  ) {
    return dailyAqiOf(ctx, date).load(station.id);
  }

  @Authorized(...PARTNER_AND_STAFF)
  @FieldResolver(() => [SeriesPoint], {
    nullable: true,
    description:
      'This station’s own series of a metric from its hourly rollups, in Asia/Ho_Chi_Minh buckets (HOUR: its hourly readings). Public: no (null, with an error; metricSeries mixes a subtree’s stations); partners, staff and sector systems: yes',
  })
  series(
    @Root() station: Station,
    @Arg('metric', () => Metric, { description: 'The metric' }) metric: Metric,
    @Arg('from', { description: 'Start of the series (inclusive, UTC instant)' }) from: Date,
    @Arg('to', { description: 'End of the series (exclusive), at most 731 days after from' }) to: Date,
    @Arg('bucket', () => Bucket, { description: 'Width of each point' }) bucket: Bucket,
    @Ctx() ctx: EnvironmentContext,
  ): Promise<SeriesPoint[]> {
    return stationSeriesOf(ctx, { metric, from, to, bucket }).load(station.id);
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => [Reading], {
    description: 'The newest raw reading of each metric, as the device sent it. Public and partners: no; staff and sector systems: yes',
  })
  async latestReadings(@Root() station: Station, @Ctx() ctx: EnvironmentContext) {
    return (await latestReadingsOf(ctx).load(station.id)).map((r) => ({
      ...r,
      value: Number(r.value),
      measuredAt: new Date(r.measuredAt),
    }));
  }
}
