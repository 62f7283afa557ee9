/**
 * Hourly rollups maintained on ingest (docs/sector-pattern.md, "Statistics"): each batch adds its new
 * records (only those: a record delivered twice adds nothing) to per-hour aggregates in one upsert, and
 * statistics read the rollups. The batch is grouped here, where its records already are, so that the
 * upsert carries a few hundred groups, never the records.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

const HOUR_MS = 3_600_000;

/** The aggregates a rollup table may keep, and how a batch's value merges into a stored one. */
const MERGES = {
  sum: (t: string) => `${t}.sum + excluded.sum`,
  count: (t: string) => `${t}.count + excluded.count`,
  min: (t: string) => `least(${t}.min, excluded.min)`,
  max: (t: string) => `greatest(${t}.max, excluded.max)`,
} as const;
const TYPES = { sum: 'double precision', count: 'int', min: 'double precision', max: 'double precision' } as const;

/** A measure column of a rollup table: `sum`, `count`, `min` or `max` (the column has that name). */
export type RollupMeasure = keyof typeof MERGES;

/** The shape of a sector's hourly rollup table. */
export interface HourlyRollupSpec {
  /** The table, schema-qualified: `environment.hourly_rollup`. */
  table: string;
  /** The columns naming a series besides the hour, with their SQL types: `{ station_id: 'uuid', metric: 'text' }`. */
  keys: Readonly<Record<string, string>>;
  /** The measures kept; every one but `count` aggregates the records' values. */
  measures: readonly RollupMeasure[];
}

/** The aggregates of one series over one UTC hour of a batch. */
export interface HourlyGroup {
  /** The key columns' values, in the order of {@link HourlyRollupSpec.keys}. */
  keys: string[];
  /** The start of the UTC hour (ms since the epoch). */
  hour: number;
  sum: number;
  count: number;
  min: number;
  max: number;
}

/**
 * Groups records by key and UTC hour. The hour is the UTC hour: Asia/Ho_Chi_Minh is a whole number of
 * hours from UTC, so every local bucket is a union of them (`localBucketSql`).
 *
 * @param keysOf a record's key values, in the order of the spec's keys
 * @param timeOf the time that decides its hour (ms since the epoch)
 * @param valueOf what sum, min and max aggregate; @default 0 (a table that keeps only `count`)
 */
export function hourlyGroups<R>(
  records: Iterable<R>,
  keysOf: (record: R) => string[],
  timeOf: (record: R) => number,
  valueOf: (record: R) => number = () => 0,
): HourlyGroup[] {
  const groups = new Map<string, HourlyGroup>();
  for (const record of records) {
    const keys = keysOf(record);
    const hour = Math.floor(timeOf(record) / HOUR_MS) * HOUR_MS;
    const value = valueOf(record);
    const id = `${keys.join('\u0000')}\u0000${hour}`;
    const group = groups.get(id);
    if (!group) groups.set(id, { keys, hour, sum: value, count: 1, min: value, max: value });
    else {
      group.sum += value;
      group.count++;
      if (value < group.min) group.min = value;
      if (value > group.max) group.max = value;
    }
  }
  return [...groups.values()];
}

/** The upsert of a batch's groups into the rollup table (`insert … on conflict (keys, hour) do update` merging each measure). */
export function hourlyRollupSql(spec: HourlyRollupSpec): string {
  const keys = Object.keys(spec.keys);
  const columns = [...keys, 'hour', ...spec.measures].join(', ');
  const types = [
    ...keys.map((key) => `${key} ${spec.keys[key]}`),
    'hour timestamptz',
    ...spec.measures.map((m) => `${m} ${TYPES[m]}`),
  ].join(', ');
  const merges = spec.measures.map((m) => `${m} = ${MERGES[m]('t')}`).join(', ');
  return `insert into ${spec.table} as t (${columns})
     select ${columns} from jsonb_to_recordset(?::jsonb) as x(${types})
     on conflict (${keys.join(', ')}, hour) do update set ${merges}`;
}

/** Adds a batch's groups to the rollup table in one statement; nothing when there are none. */
export async function upsertHourlyRollups(em: EntityManager, spec: HourlyRollupSpec, groups: HourlyGroup[]): Promise<void> {
  if (!groups.length) return;
  const keys = Object.keys(spec.keys);
  const rows = groups.map((group) => {
    const row: Record<string, string | number> = { hour: new Date(group.hour).toISOString() };
    keys.forEach((key, i) => (row[key] = group.keys[i]!));
    for (const measure of spec.measures) row[measure] = group[measure];
    return row;
  });
  await em.execute(hourlyRollupSql(spec), [JSON.stringify(rows)]);
}
