import {
  badInput,
  BatchProblems,
  checkEventTime,
  checkSource,
  checkSourceId,
  copyText,
  eventTimeText,
  hourlyGroups,
  SERVICE_IDENTITY,
  storeNewRecords,
  storedRecords,
  upsertHourlyRollups,
  type Clock,
  type HourlyRollupSpec,
  type Identity,
  type RecordTableSpec,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MAX_BATCH } from '../facility/load.input';
import { evaluateOutbreaks } from '../rule/evaluateOutbreaks';
import { Disease } from '../vocabulary';
import type { IngestOutcome } from './ingestOutcome';

/** One case count as a sending system gave it (typed by GraphQL, or a line of a bulk body), checked here. */
export interface CaseCandidate {
  disease?: unknown;
  unitCode?: unknown;
  cases?: unknown;
  deaths?: unknown;
  reportedAt?: unknown;
  sourceId?: unknown;
}

interface ValidCase {
  sourceId: string;
  disease: Disease;
  unitId: string;
  cases: number;
  deaths: number;
  reportedAt: number;
  reportedAtText: string;
}

const REPORTS: RecordTableSpec = {
  table: 'health.case_report',
  columns: {
    source: 'text',
    source_id: 'text',
    disease: 'text',
    unit_id: 'uuid',
    reported_at: 'timestamptz',
    cases: 'int',
    deaths: 'int',
    received_at: 'timestamptz',
  },
};
/** Cases and deaths per commune, disease and UTC hour: the weekly counts, series and thresholds read it. */
const ROLLUP: HourlyRollupSpec = {
  table: 'health.hourly_cases',
  keys: { unit_id: 'uuid', disease: 'text', measure: 'text' },
  measures: ['sum', 'count'],
};
const DISEASES = new Set<string>(Object.values(Disease));
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** Checks a batch of case counts as a whole (one statement reads its communes); BAD_USER_INPUT names `reports[i].field`. */
async function validateCases(tx: EntityManager, now: number, source: unknown, reports: readonly CaseCandidate[]) {
  const problems = new BatchProblems();
  const checkedSource = checkSource(problems, source);
  const codes = [...new Set(reports.map((r) => r.unitCode).filter((c): c is string => typeof c === 'string'))];
  const units = codes.length
    ? await tx.execute<{ unitId: string; code: string }[]>(
        'select unit_id as "unitId", code from health.reporting_unit where code in (?)',
        [codes],
      )
    : [];
  const byCode = new Map(units.map((u) => [u.code, u.unitId]));
  const rows: ValidCase[] = [];
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    const before = problems.count;
    const field = (name: string) => `reports[${i}].${name}`;
    if (typeof r.disease !== 'string' || !DISEASES.has(r.disease))
      problems.add(field('disease'), `must be one of ${[...DISEASES].join(', ')}`);
    const unitId = typeof r.unitCode === 'string' ? byCode.get(r.unitCode) : undefined;
    if (!unitId) problems.add(field('unitCode'), `no reporting commune ${String(r.unitCode).slice(0, 100)}`);
    if (!isCount(r.cases, 10_000)) problems.add(field('cases'), 'must be a whole number from 0 to 10000');
    if (!isCount(r.deaths, isCount(r.cases, 10_000) ? r.cases : 10_000))
      problems.add(field('deaths'), 'must be a whole number from 0 to cases');
    const reportedAt = checkEventTime(problems, field('reportedAt'), r.reportedAt, now);
    const sourceId = checkSourceId(problems, field('sourceId'), r.sourceId);
    if (problems.count === before)
      rows.push({
        sourceId,
        disease: r.disease as Disease,
        unitId: unitId!,
        cases: r.cases as number,
        deaths: r.deaths as number,
        reportedAt,
        reportedAtText: eventTimeText(r.reportedAt, reportedAt),
      });
  }
  problems.throwIfAny();
  return { source: checkedSource, rows };
}

/**
 * Validates a batch of case counts as a whole, then in one transaction stores the new ones (idempotent by
 * (source, sourceId), a COPY), adds their cases and deaths to the hourly rollups and, unless `evaluate`
 * is false (history loaded by the seeds), evaluates the outbreak rules at the communes and diseases
 * touched. The GraphQL mutation and `POST /ingest/v1/case-reports` both call it; the statements sent do
 * not depend on the batch's size.
 */
export async function ingestCaseReports(
  em: EntityManager,
  clock: Clock,
  source: unknown,
  reports: readonly CaseCandidate[],
  actor: Identity = SERVICE_IDENTITY('health'),
  options: { max?: number; evaluate?: boolean } = {},
): Promise<IngestOutcome> {
  const max = options.max ?? MAX_BATCH;
  if (reports.length > max) throw badInput(`At most ${max} case counts per call`, [{ field: 'reports', message: `at most ${max}` }]);
  return em.transactional(async (tx) => {
    const valid = await validateCases(tx, clock.now().getTime(), source, reports);
    if (!valid.rows.length) return { received: 0, stored: 0, duplicates: 0 };
    const receivedAt = clock.now().toISOString();
    const sourceField = copyText(valid.source);
    let copy = '';
    for (const r of valid.rows)
      copy += `${sourceField}\t${copyText(r.sourceId)}\t${r.disease}\t${r.unitId}\t${r.reportedAtText}\t${r.cases}\t${r.deaths}\t${receivedAt}\n`;
    const outcome = await storeNewRecords(tx, REPORTS, copy);
    const stored = storedRecords(valid.rows, outcome);
    const groups = (['CASES', 'DEATHS'] as const).flatMap((measure) =>
      hourlyGroups(
        stored,
        (r) => [r.unitId, r.disease, measure],
        (r) => r.reportedAt,
        (r) => (measure === 'CASES' ? r.cases : r.deaths),
      ),
    );
    await upsertHourlyRollups(tx, ROLLUP, groups);
    if (stored.length && options.evaluate !== false) {
      const pairs = new Map(stored.map((r) => [`${r.unitId}/${r.disease}`, { unitId: r.unitId, disease: r.disease }]));
      await evaluateOutbreaks(tx, clock.now(), actor, [...pairs.values()]);
    }
    return { received: reports.length, stored: stored.length, duplicates: reports.length - stored.length };
  });
}
