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
  textProblem,
  upsertHourlyRollups,
  type Clock,
  type HourlyRollupSpec,
  type Identity,
  type RecordTableSpec,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluateHotspots } from '../rule/evaluate';
import { ReportChannel, ReportStatus, SecurityCategory } from '../vocabulary';

/** The most reports one GraphQL call may carry. */
export const MAX_BATCH = 10_000;
/** The most reports one bulk request (`POST /ingest/v1/security-reports`) may carry. */
export const MAX_BULK_BATCH = 100_000;

const CATEGORIES = new Set<string>(Object.values(SecurityCategory));
const CHANNELS = new Set<string>(Object.values(ReportChannel));
const STATUSES = new Set<string>(Object.values(ReportStatus));
const CASE_REF = /^[0-9A-Za-z][0-9A-Za-z./-]{0,49}$/;
/** A run of 9 or more digits (spaces, dots and dashes allowed between them): a phone or an ID number. */
const PERSONAL_NUMBER = /\d(?:[\s.-]?\d){8,}/;
/** The fields a report may have; anything else is refused, so that personal data cannot slip in under another name. */
const FIELDS = new Set(['communeCode', 'category', 'channel', 'place', 'policeUnit', 'status', 'reportedAt', 'caseRef', 'sourceId']);

const REPORTS: RecordTableSpec = {
  table: 'security.report',
  columns: {
    source: 'text',
    source_id: 'text',
    case_ref: 'text',
    category: 'text',
    channel: 'text',
    commune_id: 'uuid',
    place: 'text',
    police_unit: 'text',
    status: 'text',
    reported_at: 'timestamptz',
    received_at: 'timestamptz',
  },
};
const ROLLUP: HourlyRollupSpec = { table: 'security.hourly_report', keys: { commune_id: 'uuid', category: 'text' }, measures: ['count'] };

/** One report as the police system gave it: typed by GraphQL, or a line of a bulk body, checked here either way. */
export type ReportCandidate = Record<string, unknown>;

interface ValidReport {
  sourceId: string;
  caseRef: string;
  category: SecurityCategory;
  channel: ReportChannel;
  communeId: string;
  place: string;
  policeUnit: string;
  status: ReportStatus;
  reportedAt: number;
  reportedAtText: string;
}

export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
}

function checkText(problems: BatchProblems, field: string, value: unknown, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text.length > max) problems.add(field, `must be 1 to ${max} characters`);
  else {
    const problem = textProblem(text);
    if (problem) problems.add(field, problem);
    else if (PERSONAL_NUMBER.test(text)) problems.add(field, 'looks like a phone or ID number: personal data is not stored here');
  }
  return text;
}

async function validateReports(em: EntityManager, now: number, source: unknown, reports: readonly ReportCandidate[]) {
  const problems = new BatchProblems();
  const checkedSource = checkSource(problems, source);
  const codes = [...new Set(reports.map((r) => r.communeCode).filter((c): c is string => typeof c === 'string'))];
  const communes = new Map(
    codes.length
      ? (await em.execute<{ id: string; code: string }[]>('select id, code from security.commune where code in (?)', [codes])).map((c) => [
          c.code,
          c.id,
        ])
      : [],
  );
  const rows: ValidReport[] = [];
  reports.forEach((r, i) => {
    const before = problems.count;
    const field = (name: string) => `reports[${i}].${name}`;
    for (const key of Object.keys(r))
      if (!FIELDS.has(key) && r[key] !== undefined)
        problems.add(field(key.slice(0, 50)), 'is not a field of a report: names, ID numbers and phones are never stored here');
    const communeId = typeof r.communeCode === 'string' ? communes.get(r.communeCode) : undefined;
    if (!communeId) problems.add(field('communeCode'), `no commune ${String(r.communeCode).slice(0, 100)}`);
    if (typeof r.category !== 'string' || !CATEGORIES.has(r.category))
      problems.add(field('category'), `must be one of ${[...CATEGORIES].join(', ')}`);
    if (typeof r.channel !== 'string' || !CHANNELS.has(r.channel))
      problems.add(field('channel'), `must be one of ${[...CHANNELS].join(', ')}`);
    if (typeof r.status !== 'string' || !STATUSES.has(r.status))
      problems.add(field('status'), `must be one of ${[...STATUSES].join(', ')}`);
    const place = checkText(problems, field('place'), r.place, 200);
    const policeUnit = checkText(problems, field('policeUnit'), r.policeUnit, 100);
    const caseRef = typeof r.caseRef === 'string' ? r.caseRef.trim() : '';
    if (!CASE_REF.test(caseRef)) problems.add(field('caseRef'), 'must be 1 to 50 letters, digits, dots, dashes or slashes');
    const reportedAt = checkEventTime(problems, field('reportedAt'), r.reportedAt, now);
    const sourceId = checkSourceId(problems, field('sourceId'), r.sourceId);
    if (problems.count === before)
      rows.push({
        sourceId,
        caseRef,
        category: r.category as SecurityCategory,
        channel: r.channel as ReportChannel,
        communeId: communeId!,
        place,
        policeUnit,
        status: r.status as ReportStatus,
        reportedAt,
        reportedAtText: eventTimeText(r.reportedAt, reportedAt),
      });
  });
  problems.throwIfAny();
  return { source: checkedSource, rows };
}

/**
 * Validates a batch of police reports as a whole, then in one transaction stores the new ones (idempotent
 * by (source, sourceId): the kit's `storeNewRecords`), adds them to the hourly rollups and judges the
 * hotspot rules for their communes and those with an open breach (breach events to the outbox in the same
 * transaction). A bad batch writes nothing and fails with BAD_USER_INPUT naming `reports[i].field`. The
 * GraphQL mutation and `POST /ingest/v1/security-reports` both call this; the statements sent do not
 * depend on the batch's size.
 */
export async function ingestReports(
  em: EntityManager,
  clock: Clock,
  source: unknown,
  reports: readonly ReportCandidate[],
  actor: Identity = SERVICE_IDENTITY('security'),
  maxReports = MAX_BATCH,
): Promise<IngestOutcome> {
  if (reports.length > maxReports)
    throw badInput(`At most ${maxReports} reports per call`, [{ field: 'reports', message: `at most ${maxReports}` }]);
  const valid = await validateReports(em, clock.now().getTime(), source, reports);
  if (!valid.rows.length) return { received: 0, stored: 0, duplicates: 0 };
  const stored = await em.transactional((tx) => storeReports(tx, clock.now(), actor, valid.source, valid.rows));
  return { received: reports.length, stored, duplicates: reports.length - stored };
}

/**
 * A report sent again may carry its case's new status (the police system sends a case as it moves): the
 * stored report takes it, in one statement. Nothing else of a known report changes.
 */
async function updateStatuses(tx: EntityManager, source: string, known: ValidReport[]): Promise<void> {
  if (!known.length) return;
  await tx.execute(
    `update security.report r set status = k.status
     from jsonb_to_recordset(?::jsonb) as k(source_id text, status text)
     where r.source = ? and r.source_id = k.source_id and r.status <> k.status`,
    [JSON.stringify(known.map((r) => ({ source_id: r.sourceId, status: r.status }))), source],
  );
}

async function storeReports(tx: EntityManager, at: Date, actor: Identity, source: string, rows: ValidReport[]): Promise<number> {
  const receivedAt = at.toISOString();
  const sourceField = copyText(source);
  let copy = '';
  for (const r of rows)
    copy += `${sourceField}\t${copyText(r.sourceId)}\t${copyText(r.caseRef)}\t${r.category}\t${r.channel}\t${r.communeId}\t${copyText(r.place)}\t${copyText(r.policeUnit)}\t${r.status}\t${r.reportedAtText}\t${receivedAt}\n`;
  const outcome = await storeNewRecords(tx, REPORTS, copy);
  const stored = storedRecords(rows, outcome);
  if (!outcome.all) {
    const fresh = new Set(stored);
    await updateStatuses(
      tx,
      source,
      rows.filter((r) => !fresh.has(r)),
    );
  }
  await upsertHourlyRollups(
    tx,
    ROLLUP,
    hourlyGroups(
      stored,
      (r) => [r.communeId, r.category],
      (r) => r.reportedAt,
    ),
  );
  await evaluateHotspots(tx, at, actor, [...new Set(stored.map((r) => r.communeId))]);
  return stored.length;
}
