import { localYear, LOCAL_OFFSET_MS } from '@ioc-graph/platform';
import { Disease } from '../src/vocabulary';

/** The communes with years of weekly dengue counts, and how many cases a usual week of their season has. */
const DENGUE_HISTORY: { unit: string; base: number }[] = [
  { unit: 'BP-689-TANPHU', base: 3 },
  { unit: 'BP-689-TANDONG', base: 2 },
  { unit: 'BP-689-TANBINH', base: 2.5 },
  { unit: 'BP-688-LONGPHUOC', base: 2 },
  { unit: 'BP-690-ANLOC', base: 2.5 },
];
/** Years of history before the current one. */
export const HISTORY_YEARS = 5;
const DAY_MS = 86_400_000;

/** Monday 00:00 Asia/Ho_Chi_Minh of ISO week `week` of ISO year `year`, as an instant. */
export function isoWeekStart(year: number, week: number): Date {
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday + (week - 1) * 7 * DAY_MS - LOCAL_OFFSET_MS);
}

/** A small deterministic noise in [0, 1) per (commune, year, week): the same history at every start. */
function noise(unit: string, year: number, week: number): number {
  let h = 2166136261;
  for (const c of `${unit}/${year}/${week}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/**
 * Weekly dengue counts of the previous {@link HISTORY_YEARS} ISO years for a few communes, shaped like
 * the South's season (low in the dry months, a peak from July to October), one count per commune and
 * week, reported on the week's Wednesday at 10:00: the history the mean + 2 SD epidemic threshold needs.
 */
export function dengueHistory(now: Date) {
  const current = localYear(now);
  const records = [];
  for (let year = current - HISTORY_YEARS; year < current; year++) {
    const yearFactor = 0.7 + noise('year', year, 0) * 0.8;
    for (let week = 1; week <= 52; week++) {
      const season = 0.4 + 2.2 * Math.exp(-(((week - 36) / 9) ** 2));
      for (const { unit, base } of DENGUE_HISTORY) {
        const cases = Math.max(0, Math.round(base * season * yearFactor + (noise(unit, year, week) - 0.5) * 3));
        records.push({
          disease: Disease.DENGUE,
          unitCode: unit,
          cases,
          deaths: 0,
          reportedAt: new Date(isoWeekStart(year, week).getTime() + 2 * DAY_MS + 10 * 3_600_000).toISOString(),
          sourceId: `dengue-${unit}-${year}-W${String(week).padStart(2, '0')}`,
        });
      }
    }
  }
  return records;
}
