/**
 * The demo province's sensors as the simulator plays them: realistic levels for Bình Phước, a diurnal
 * cycle with rush-hour pollution peaks (local time), and a rain event over the Bé river basin that
 * fills hồ Thác Mơ past its alarm level II (217.5 m) and so raises a flood alert by rule.
 */
import { localHourOfDay } from '@ioc-graph/platform';

export interface Reading {
  stationCode: string;
  metric: string;
  value: number;
  measuredAt: string;
  sourceId: string;
}

const AIR = ['BP-KK-DX01', 'BP-KK-DX02', 'BP-KK-CT01', 'BP-KK-CT02', 'BP-KK-PL01'];
/** Industrial parks breathe worse air. */
const AIR_FACTOR: Record<string, number> = { 'BP-KK-CT01': 1.5, 'BP-KK-CT02': 1.35, 'BP-KK-DX02': 1.15 };
const RAIN = ['BP-MUA-DX', 'BP-MUA-BD', 'BP-MUA-LN'];
/** Normal levels of the gauges (m), below their alarm level I. */
const WATER: Record<string, number> = { 'BP-TV-THACMO': 215.8, 'BP-TV-PL': 119.6, 'BP-TV-DP': 34.1 };

/** 1 at night, up to ~2.2 in the morning and evening rush hours (07–09, 17–19 local). */
const rush = (hour: number) => 1 + 1.2 * Math.exp(-((hour - 8) ** 2) / 2) + 1.0 * Math.exp(-((hour - 18) ** 2) / 2);
const jitter = (seed: number) => 0.9 + 0.2 * Math.abs(Math.sin(seed * 12.9898));
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Air quality readings of every air station at one instant. */
export function airReadings(at: Date, tick: number): Reading[] {
  const factor = rush(localHourOfDay(at));
  return AIR.flatMap((station, s) => {
    const k = factor * (AIR_FACTOR[station] ?? 1) * jitter(tick * 7 + s);
    const values: [string, number][] = [
      ['PM2_5', 22 * k],
      ['PM10', 41 * k],
      ['NO2', 28 * k],
      ['SO2', 11 * k],
      ['CO', 1900 * k],
      ['O3', 45 + 30 * Math.sin(((localHourOfDay(at) - 9) / 24) * 2 * Math.PI)],
    ];
    return values.map(([metric, value]) => ({
      stationCode: station,
      metric,
      value: round(Math.max(0, value)),
      measuredAt: at.toISOString(),
      sourceId: `sim-${station}-${metric}-${at.getTime()}`,
    }));
  });
}

/**
 * Rain and water levels at one instant. `storm` runs from 0 (none) to 1 (the peak of the rain event):
 * rain up to ~45 mm per reading over the basin, and the reservoir rising about 3.4 m above normal.
 */
export function hydroReadings(at: Date, storm: number): Reading[] {
  const rain = RAIN.map((station, i) => ({
    stationCode: station,
    metric: 'RAINFALL',
    value: round(storm * (38 + 7 * i)),
    measuredAt: at.toISOString(),
    sourceId: `sim-${station}-RAINFALL-${at.getTime()}`,
  }));
  const water = Object.entries(WATER).map(([station, normal]) => ({
    stationCode: station,
    metric: 'WATER_LEVEL',
    // The rules judge hourly averages: the peak must carry the hour's mean past alarm level II.
    value: round(normal + storm * (station === 'BP-TV-THACMO' ? 3.4 : 3.6), 2),
    measuredAt: at.toISOString(),
    sourceId: `sim-${station}-WATER_LEVEL-${at.getTime()}`,
  }));
  return [...rain, ...water];
}
