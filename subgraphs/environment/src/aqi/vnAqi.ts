/**
 * VN_AQI — the Vietnamese air quality index of Decision 1459/QĐ-TCMT (12/11/2019) of the
 * Vietnam Environment Administration. Pure functions, no I/O.
 *
 * Interpretation of the decision (read before changing):
 * - Sub-index: AQI_x = (I_{i+1} − I_i)/(BP_{i+1} − BP_i) · (C_x − BP_i) + I_i, Table 1 breakpoints below.
 *   A concentration on a breakpoint gives that breakpoint's I (both segments agree).
 * - Rounding: the decision says "làm tròn thành số nguyên" (round to an integer), with no direction,
 *   so we round half up (Math.round), not ceiling. Only the reported values are rounded; the dominant
 *   pollutant is chosen on unrounded sub-indexes (ties: order PM2_5, PM10, O3, CO, NO2, SO2).
 * - Hourly: PM2.5/PM10 use the NowCast of the last 12 hours; O3, CO, NO2, SO2 use the latest 1-hour
 *   value (O3 8-hour values are not used hourly). No AQI without PM2.5 or PM10.
 * - NowCast: weighted mean Σ w^(i−1)·c_i / Σ w^(i−1) over the hours present (missing hours drop out of
 *   both sums, which for 12 full hours equals the decision's form), w = max(c_min/c_max, 1/2) over the
 *   hours present; null unless at least 2 of c1, c2, c3 are present. Not rounded.
 * - Daily: PM from 24-hour averages; CO, NO2, SO2 from the day's maximum 1-hour value; O3 the larger
 *   of the sub-index of the max 1-hour and of the max 8-hour value. Table 1 has no O3 8h breakpoints
 *   for I = 400/500, so an 8-hour value above 400 µg/m³ gives no 8h sub-index and the 1-hour value
 *   decides (as in the US EPA scheme the decision follows).
 * - Above the top breakpoint the decision is silent (DOUBT): we extrapolate the last segment, so
 *   the AQI may exceed 500 and stays "Nguy hại" (that category is open-ended, max = null).
 *   Negative or non-finite concentrations are treated as missing.
 */

/** A pollutant of VN_AQI. */
export type Pollutant = 'PM2_5' | 'PM10' | 'O3' | 'CO' | 'NO2' | 'SO2';

/** One hourly average of a pollutant (µg/m³; CO in µg/m³ as in the decision). */
export interface HourlyValue {
  hour: Date;
  value: number | null;
}

/** A band of Table 2 of the decision, with its colour (hex of the decision's RGB). */
export interface AqiCategory {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  nameVi: string;
  nameEn: string;
  color: string;
  min: number;
  max: number | null;
}

/** The six bands of the decision; the last one (nominally 301–500) is open-ended. */
export const AQI_CATEGORIES: readonly AqiCategory[] = Object.freeze(
  (
    [
      { level: 1, nameVi: 'Tốt', nameEn: 'Good', color: '#00E400', min: 0, max: 50 }, // (0,228,0)
      { level: 2, nameVi: 'Trung bình', nameEn: 'Moderate', color: '#FFFF00', min: 51, max: 100 }, // (255,255,0)
      { level: 3, nameVi: 'Kém', nameEn: 'Poor', color: '#FF7E00', min: 101, max: 150 }, // (255,126,0)
      { level: 4, nameVi: 'Xấu', nameEn: 'Bad', color: '#FF0000', min: 151, max: 200 }, // (255,0,0)
      { level: 5, nameVi: 'Rất xấu', nameEn: 'Very bad', color: '#8F3F97', min: 201, max: 300 }, // (143,63,151)
      { level: 6, nameVi: 'Nguy hại', nameEn: 'Hazardous', color: '#7E0023', min: 301, max: null }, // (126,0,35)
    ] satisfies AqiCategory[]
  ).map((c) => Object.freeze(c)),
);

/** I_i of Table 1. */
const INDEX = [0, 50, 100, 150, 200, 300, 400, 500] as const;
/** BP_i of Table 1 (µg/m³), checked against the decision; O3 8h stops at I = 300. */
const BREAKPOINTS: Record<Pollutant | 'O3_8H', readonly number[]> = {
  O3: [0, 160, 200, 300, 400, 800, 1000, 1200],
  O3_8H: [0, 100, 120, 170, 210, 400],
  CO: [0, 10000, 30000, 45000, 60000, 90000, 120000, 150000],
  SO2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  NO2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  PM10: [0, 50, 150, 250, 350, 420, 500, 600],
  PM2_5: [0, 25, 50, 80, 150, 250, 350, 500],
};
const ORDER: readonly Pollutant[] = ['PM2_5', 'PM10', 'O3', 'CO', 'NO2', 'SO2'];

const valid = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const roundAqi = (x: number): number => Math.round(x);

/** The band of an AQI value (integers as reported; a fractional value above a band's max goes up). */
export function aqiCategory(aqi: number): AqiCategory {
  if (!Number.isFinite(aqi) || aqi < 0) throw new RangeError(`AQI must be a finite number ≥ 0, got ${aqi}`);
  return AQI_CATEGORIES.find((c) => c.max === null || aqi <= c.max)!;
}

/**
 * NowCast of PM2.5 or PM10 from the last 12 hourly values, newest first (extra values ignored).
 * @returns the NowCast in µg/m³ (unrounded), or null when 2 of the 3 most recent hours are missing.
 */
export function nowCast(hoursNewestFirst: (number | null)[]): number | null {
  const hours = hoursNewestFirst.slice(0, 12);
  if (hours.slice(0, 3).filter(valid).length < 2) return null;
  const present = hours.filter(valid);
  const max = Math.max(...present);
  const w = max === 0 ? 1 : Math.max(Math.min(...present) / max, 0.5);
  let num = 0;
  let den = 0;
  hours.forEach((c, i) => {
    if (!valid(c)) return;
    num += w ** i * c;
    den += w ** i;
  });
  return num / den;
}

/** Unrounded sub-index, or null when Table 1 does not define it. */
function rawSubIndex(pollutant: Pollutant, c: number, basis: 'HOURLY' | 'DAILY' | 'O3_8H'): number | null {
  if (!valid(c)) return null;
  if (basis === 'O3_8H' && pollutant !== 'O3') return null;
  const bp = BREAKPOINTS[basis === 'O3_8H' ? 'O3_8H' : pollutant];
  const top = bp.length - 1;
  if (basis === 'O3_8H' && c > bp[top]!) return null; // use the 1-hour value instead
  let i = 0;
  while (i < top - 1 && c > bp[i + 1]!) i++; // beyond the top: extrapolate the last segment
  return ((INDEX[i + 1]! - INDEX[i]!) / (bp[i + 1]! - bp[i]!)) * (c - bp[i]!) + INDEX[i]!;
}

/**
 * Sub-index AQI_x of one pollutant, rounded to an integer.
 * @param concentration µg/m³: the 1-hour value (PM: the NowCast) for HOURLY, the 24-hour average (PM)
 *   or the day's max 1-hour value (O3, CO, NO2, SO2) for DAILY, an O3 8-hour average for O3_8H.
 * @returns null for a negative/non-finite value, O3_8H on another pollutant, or an O3 8h value above 400.
 */
export function subIndex(pollutant: Pollutant, concentration: number, basis: 'HOURLY' | 'DAILY' | 'O3_8H'): number | null {
  const raw = rawSubIndex(pollutant, concentration, basis);
  return raw === null ? null : roundAqi(raw);
}

/** Picks the largest of unrounded sub-indexes (first wins a tie); null when none. */
function highest<K extends string>(entries: [K, number | null][]): { aqi: number; dominant: K; category: AqiCategory } | null {
  let best: [K, number] | null = null;
  for (const [k, v] of entries) if (v !== null && (best === null || v > best[1])) best = [k, v];
  if (best === null) return null;
  const aqi = roundAqi(best[1]);
  return { aqi, dominant: best[0], category: aqiCategory(aqi) };
}

/**
 * Hourly VN_AQI of a station: the max of the sub-indexes of the pollutants present.
 * @param input per pollutant, the last 12 hourly values, newest first (PM: NowCast; others: the newest).
 * @returns null when neither PM2.5 nor PM10 gives a sub-index.
 */
export function hourlyAqi(
  input: Partial<Record<Pollutant, (number | null)[]>>,
): { aqi: number; dominant: Pollutant; category: AqiCategory } | null {
  const entries = ORDER.map((p): [Pollutant, number | null] => {
    const series = input[p];
    if (!series) return [p, null];
    const c = p === 'PM2_5' || p === 'PM10' ? nowCast(series) : series[0];
    return [p, valid(c) ? rawSubIndex(p, c, 'HOURLY') : null];
  });
  if (entries[0]![1] === null && entries[1]![1] === null) return null;
  return highest(entries);
}

/**
 * Daily VN_AQI from 24-hour PM averages and the day's max 1-hour (and 8-hour O3) values.
 * @returns `dominant` is the input key that decided (e.g. 'PM2_5', 'O3_8hMax'); null without PM2.5 or PM10.
 */
export function dailyAqi(input: {
  PM2_5?: number;
  PM10?: number;
  O3_1hMax?: number;
  O3_8hMax?: number;
  CO_1hMax?: number;
  NO2_1hMax?: number;
  SO2_1hMax?: number;
}): { aqi: number; dominant: string; category: AqiCategory } | null {
  const sub = (p: Pollutant, c: number | undefined, basis: 'DAILY' | 'O3_8H') => (c === undefined ? null : rawSubIndex(p, c, basis));
  const entries: [string, number | null][] = [
    ['PM2_5', sub('PM2_5', input.PM2_5, 'DAILY')],
    ['PM10', sub('PM10', input.PM10, 'DAILY')],
    ['O3_1hMax', sub('O3', input.O3_1hMax, 'DAILY')],
    ['O3_8hMax', sub('O3', input.O3_8hMax, 'O3_8H')],
    ['CO_1hMax', sub('CO', input.CO_1hMax, 'DAILY')],
    ['NO2_1hMax', sub('NO2', input.NO2_1hMax, 'DAILY')],
    ['SO2_1hMax', sub('SO2', input.SO2_1hMax, 'DAILY')],
  ];
  if (entries[0]![1] === null && entries[1]![1] === null) return null;
  return highest(entries);
}
