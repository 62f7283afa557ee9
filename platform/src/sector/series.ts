import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors';
import { localBucketSql, type SeriesBucket } from '../vocabulary';

/** The longest span of one series request, in days (two years, for year-on-year charts). */
export const MAX_SERIES_DAYS = 731;

/**
 * Refuses a series span that is empty, reversed or longer than `maxDays` with BAD_USER_INPUT naming
 * `to`. `what` starts the message: "A series spans at most 731 days".
 */
export function checkSeriesSpan(from: Date, to: Date, what = 'A series spans', maxDays = MAX_SERIES_DAYS): void {
  const span = to.getTime() - from.getTime();
  if (!(span > 0)) throw badInput('to must be after from', [{ field: 'to', message: 'must be after from' }]);
  if (span > maxDays * 86_400_000)
    throw badInput(`${what} at most ${maxDays} days`, [{ field: 'to', message: `at most ${maxDays} days after from` }]);
}

/** SQL true when the row aliased `alias` lies in the subtree of the unit bound to the next `?`. */
export const withinUnitSql = (alias: string) => `${alias}.unit_lineage @> array[?]::text[]`;

/** A time series query over a sector's tables, bucketed in Asia/Ho_Chi_Minh. */
export interface SeriesQuery {
  bucket: SeriesBucket;
  /** The timestamptz column bucketed and bounded by [from, to): `r.hour`. */
  time: string;
  /** `from` clause: tables and joins, `environment.hourly_rollup r join environment.station s on …`. */
  source: string;
  /** Aggregates selected per bucket, with their aliases: `sum(r.sum) / sum(r.count) as average`. */
  measures: string;
  /** Further conditions (`and`-ed) and their parameters, in order. */
  where?: { sql: string; params: unknown[] }[];
  /** Columns grouped besides the bucket (then ordered by), e.g. `h.kind`. */
  groupBy?: string[];
  from: Date;
  to: Date;
}

/**
 * Runs a series query in one statement: `bucketStart` (the bucket's start as a Date: the hour, local
 * midnight, Monday or the 1st) and the measures per bucket, buckets without rows left out.
 */
export async function bucketedSeries<Row extends object>(em: EntityManager, query: SeriesQuery): Promise<(Row & { bucketStart: Date })[]> {
  const where = (query.where ?? []).filter(Boolean);
  const extra = query.groupBy ?? [];
  const groups = [1, ...extra.map((_, i) => i + 2)].join(', ');
  const rows = await em.getConnection().execute<(Row & { bucketStart: Date })[]>(
    `select ${localBucketSql(query.bucket, query.time)} as "bucketStart"${extra.map((c) => `, ${c}`).join('')}, ${query.measures}
     from ${query.source}
     where ${query.time} >= ? and ${query.time} < ? ${where.map((w) => `and ${w.sql}`).join(' ')}
     group by ${groups} order by ${groups}`,
    [query.from.toISOString(), query.to.toISOString(), ...where.flatMap((w) => w.params)],
  );
  return rows.map((r) => ({ ...r, bucketStart: new Date(r.bucketStart) }));
}
