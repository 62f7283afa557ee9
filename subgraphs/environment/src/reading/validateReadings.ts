import { BatchProblems, checkEventTime, checkSource, checkSourceId, eventTimeText } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { METRIC_BOUNDS, METRICS_OF_KIND, Metric, StationKind } from '../vocabulary';

/** The most readings one GraphQL call may carry. */
export const MAX_BATCH = 10_000;
/** The most readings one bulk request (`POST /ingest/v1/readings`) may carry. */
export const MAX_BULK_BATCH = 100_000;

/**
 * One reading as a sending system gave it: typed by GraphQL (`measuredAt` a Date), or as a line of a
 * bulk body read it (anything JSON can hold), checked here either way.
 */
export interface ReadingCandidate {
  stationCode?: unknown;
  metric?: unknown;
  value?: unknown;
  measuredAt?: unknown;
  sourceId?: unknown;
}

/** A reading that passed every check, ready to store. */
export interface ValidReading {
  sourceId: string;
  stationId: string;
  metric: Metric;
  value: number;
  /** ms since the epoch */
  measuredAt: number;
  /** The same instant as PostgreSQL is sent it. */
  measuredAtText: string;
}

const METRICS = new Set<string>(Object.values(Metric));

/**
 * Checks a batch as a whole: the source, then each reading (a known, active station of a kind that
 * measures the metric, a finite value within the metric's plausible bounds, a real time not in the future,
 * a source id), in one pass after one statement reading (and locking, in the caller's transaction) the
 * batch's stations. Throws BAD_USER_INPUT naming `readings[i].field` of each problem; nothing of a bad
 * batch is stored.
 */
export async function validateReadings(
  em: EntityManager,
  now: number,
  source: unknown,
  readings: readonly ReadingCandidate[],
): Promise<{ source: string; rows: ValidReading[] }> {
  const problems = new BatchProblems();
  const checkedSource = checkSource(problems, source);
  const codes = [...new Set(readings.map((r) => r.stationCode).filter((code): code is string => typeof code === 'string'))];
  // Locked in id order for the caller's transaction: concurrent ingests of a station do not race on its rollups.
  const stations = codes.length
    ? await em.execute<{ id: string; code: string; kind: StationKind; active: boolean }[]>(
        'select id, code, kind, active from environment.station where code in (?) order by id for update',
        [codes],
      )
    : [];
  const byCode = new Map(stations.map((s) => [s.code, s]));
  const rows: ValidReading[] = [];
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i]!;
    const before = problems.count;
    const field = (name: string) => `readings[${i}].${name}`;
    const station = typeof r.stationCode === 'string' ? byCode.get(r.stationCode) : undefined;
    const metric = typeof r.metric === 'string' && METRICS.has(r.metric) ? (r.metric as Metric) : null;
    if (!station) problems.add(field('stationCode'), `no station ${String(r.stationCode).slice(0, 100)}`);
    else if (!station.active) problems.add(field('stationCode'), `station ${station.code} is decommissioned`);
    if (!metric) problems.add(field('metric'), `must be one of ${[...METRICS].join(', ')}`);
    else if (station?.active && !METRICS_OF_KIND[station.kind].includes(metric))
      problems.add(field('metric'), `a ${station.kind} station does not measure ${metric}`);
    const bounds = metric ? METRIC_BOUNDS[metric] : null;
    const value = r.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.add(field('value'), 'must be a finite number');
    else if (bounds && (value < bounds.min || value > bounds.max))
      problems.add(field('value'), `${metric} must be between ${bounds.min} and ${bounds.max}`);
    const measuredAt = checkEventTime(problems, field('measuredAt'), r.measuredAt, now);
    const sourceId = checkSourceId(problems, field('sourceId'), r.sourceId);
    if (problems.count === before) {
      const measuredAtText = eventTimeText(r.measuredAt, measuredAt);
      rows.push({ sourceId, stationId: station!.id, metric: metric!, value: value as number, measuredAt, measuredAtText });
    }
  }
  problems.throwIfAny();
  return { source: checkedSource, rows };
}
