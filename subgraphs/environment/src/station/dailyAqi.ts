import { badInput, isLocalDate, startOfLocalDate } from '@ioc-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { aqiCategory, dailyAqi } from '../aqi/vnAqi';
import type { EnvironmentContext } from '../context';
import { AQI_METRICS } from '../vocabulary';
import { AqiCategoryType } from './airQuality';

const HOUR_MS = 3_600_000;

/** The daily VN_AQI of a station for one local day. */
@ObjectType({ description: 'Daily VN_AQI of a station (chỉ số chất lượng không khí ngày), for a local day in Asia/Ho_Chi_Minh' })
export class StationDailyAirQuality {
  @Field({ description: 'The local date (YYYY-MM-DD, Asia/Ho_Chi_Minh)' })
  date!: string;

  @Field(() => Int, { description: 'The daily index, 0 and up' })
  aqi!: number;

  @Field(() => AqiCategoryType, { description: 'The band the index falls in' })
  category!: AqiCategoryType;

  @Field({ description: 'What decided: PM2_5, PM10 (24-hour averages), O3_1hMax, O3_8hMax, CO_1hMax, NO2_1hMax or SO2_1hMax' })
  dominant!: string;
}

/**
 * The UTC start of a local date (YYYY-MM-DD in Asia/Ho_Chi_Minh), i.e. 17:00Z of the day before.
 * Fails with BAD_USER_INPUT naming `date` when it is not a real calendar date.
 */
export function localDayStart(date: string): number {
  if (!isLocalDate(date)) {
    throw badInput(`date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`, [
      { field: 'date', message: 'must be a calendar date YYYY-MM-DD' },
    ]);
  }
  return startOfLocalDate(date).getTime();
}

type Averages = Map<string, Map<number, number>>;

/**
 * The inputs of `dailyAqi` from a day's hourly averages (keyed by metric, then the hour's UTC start):
 * PM as the mean of the hourly averages present, O3/CO/NO2/SO2 as the largest hourly average, and the
 * O3 8-hour value as the largest mean of 8 consecutive hours of the day that are all present.
 */
export function dailyInputs(averages: Averages, dayStart: number): Parameters<typeof dailyAqi>[0] {
  const values = (metric: string) => [...(averages.get(metric)?.values() ?? [])];
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : undefined);
  const o3 = averages.get('O3');
  const eight: number[] = [];
  if (o3) {
    for (let start = 0; start + 8 <= 24; start++) {
      const window = Array.from({ length: 8 }, (_, k) => o3.get(dayStart + (start + k) * HOUR_MS));
      if (window.every((v) => v !== undefined)) eight.push(mean(window as number[])!);
    }
  }
  const input: Parameters<typeof dailyAqi>[0] = {
    PM2_5: mean(values('PM2_5')),
    PM10: mean(values('PM10')),
    O3_1hMax: max(values('O3')),
    O3_8hMax: max(eight),
    CO_1hMax: max(values('CO')),
    NO2_1hMax: max(values('NO2')),
    SO2_1hMax: max(values('SO2')),
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/** The daily VN_AQI of stations for one local date, in one query per date for the request. */
export const dailyAqiOf = (ctx: EnvironmentContext, date: string) => {
  const dayStart = localDayStart(date);
  return ctx.loaders.get<string, StationDailyAirQuality | null>(`station:dailyAqi:${date}`, async (ids) => {
    const rows = await ctx.em.getConnection().execute<{ stationId: string; metric: string; hour: Date; average: number }[]>(
      `select station_id as "stationId", metric, hour, sum / count as average
       from environment.hourly_rollup
       where station_id in (?) and metric in (?) and hour >= ? and hour < ? and count > 0`,
      [[...ids], [...AQI_METRICS], new Date(dayStart).toISOString(), new Date(dayStart + 24 * HOUR_MS).toISOString()],
    );
    const byStation = new Map<string, Averages>();
    for (const r of rows) {
      const byMetric = byStation.get(r.stationId) ?? new Map<string, Map<number, number>>();
      const byHour = byMetric.get(r.metric) ?? new Map<number, number>();
      byHour.set(new Date(r.hour).getTime(), Number(r.average));
      byMetric.set(r.metric, byHour);
      byStation.set(r.stationId, byMetric);
    }
    return ids.map((id) => {
      const result = dailyAqi(dailyInputs(byStation.get(id) ?? new Map(), dayStart));
      return result ? { date, aqi: result.aqi, dominant: result.dominant, category: { ...aqiCategory(result.aqi) } } : null;
    });
  });
};
