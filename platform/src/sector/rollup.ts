/**
 * Hourly rollups maintained on ingest (docs/sector-pattern.md, "Statistics"): each batch adds its new
 * records to per-hour aggregates in the same SQL statement that stores them, so that a batch delivered
 * twice (its records refused by `on conflict do nothing`) adds nothing, and statistics read the rollups.
 */

/** The aggregates a rollup table may keep, and how a batch's value merges into a stored one. */
const MEASURES = {
  sum: { of: (value: string) => `sum(${value})`, merge: (t: string) => `${t}.sum + excluded.sum` },
  count: { of: () => 'count(*)::int', merge: (t: string) => `${t}.count + excluded.count` },
  min: { of: (value: string) => `min(${value})`, merge: (t: string) => `least(${t}.min, excluded.min)` },
  max: { of: (value: string) => `max(${value})`, merge: (t: string) => `greatest(${t}.max, excluded.max)` },
} as const;

/** A measure column of a rollup table: `sum`, `count`, `min` or `max` (the column has that name). */
export type RollupMeasure = keyof typeof MEASURES;

/** The shape of a sector's hourly rollup table. */
export interface HourlyRollupSpec {
  /** The table, schema-qualified: `environment.hourly_rollup`. */
  table: string;
  /** The columns naming a series besides the hour, the same in the rows and the table: `station_id, metric`. */
  keys: readonly string[];
  /** The timestamptz column of the rows that decides their hour: `measured_at`. */
  time: string;
  /** The measures kept; every one but `count` aggregates `value`. */
  measures: readonly RollupMeasure[];
  /** The column or expression of the rows that sum, min and max aggregate. @default 'value' */
  value?: string;
}

/**
 * Two CTEs (`<name>_agg`, `<name>`) to put after the CTE `source` holding a batch's newly stored rows:
 * they group the rows by keys and UTC hour and upsert the groups into the rollup table in one
 * statement (`insert … on conflict (keys, hour) do update` merging each measure). `<name>` returns the
 * keys and hour of every upserted row. The hour is the UTC hour: Asia/Ho_Chi_Minh is a whole number of
 * hours from UTC, so every local bucket is a union of them (`localBucketSql`).
 */
export function hourlyRollupCtes(spec: HourlyRollupSpec, source: string, name = 'rollup'): string {
  const keys = spec.keys.join(', ');
  const value = spec.value ?? 'value';
  const measures = spec.measures.map((m) => `${MEASURES[m].of(value)} as ${m}`).join(', ');
  const names = spec.measures.join(', ');
  const merges = spec.measures.map((m) => `${m} = ${MEASURES[m].merge('t')}`).join(', ');
  const groups = spec.keys
    .map((_, i) => i + 1)
    .concat(spec.keys.length + 1)
    .join(', ');
  return `${name}_agg as (
         select ${keys}, date_trunc('hour', ${spec.time} at time zone 'UTC') at time zone 'UTC' as hour, ${measures}
         from ${source} group by ${groups}
       ), ${name} as (
         insert into ${spec.table} as t (${keys}, hour, ${names})
         select ${keys}, hour, ${names} from ${name}_agg
         on conflict (${keys}, hour) do update set ${merges}
         returning ${keys}, hour
       )`;
}
