import {
  badInput,
  BatchProblems,
  checkEventTime,
  checkSource,
  checkSourceId,
  copyFromStdin,
  copyText,
  SERVICE_IDENTITY,
  type Clock,
  type Identity,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluateOverdue } from '../rule/evaluate';
import { DossierChannel, DossierStatus } from '../vocabulary';
import { addRollupDifferences, type RollupSide } from './dossierRollup';
import { workingDaysBetween } from './workingDays';

/** The most dossiers one GraphQL call may carry. */
export const MAX_BATCH = 10_000;
/** The most dossiers one bulk request (`POST /ingest/v1/dossiers`) may carry. */
export const MAX_BULK_BATCH = 100_000;
const CHANNELS = new Set<string>(Object.values(DossierChannel));
const STATUSES = new Set<string>(Object.values(DossierStatus));
// A due time may lie in the future, but within reason: no procedure takes years.
const MAX_DUE_AHEAD_MS = 2 * 365 * 86_400_000;

/** One dossier as the one-stop-shop system gave it: typed by GraphQL, or a line of a bulk body, checked here either way. */
export interface DossierCandidate {
  sourceId?: unknown;
  procedureCode?: unknown;
  agencyCode?: unknown;
  channel?: unknown;
  status?: unknown;
  receivedAt?: unknown;
  dueAt?: unknown;
  finishedAt?: unknown;
  updatedAt?: unknown;
}

/** What an ingest did. */
export interface DossierIngestOutcome {
  received: number;
  stored: number;
  updated: number;
  duplicates: number;
}

interface ValidDossier {
  sourceId: string;
  procedureId: string;
  agencyId: string;
  channel: DossierChannel;
  status: DossierStatus;
  receivedAt: number;
  dueAt: number;
  finishedAt: number | null;
  processingDays: number | null;
  updatedAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function codes(em: EntityManager, table: 'procedure' | 'service_agency', values: unknown[]): Promise<Map<string, string>> {
  const unique = [...new Set(values.filter((v): v is string => typeof v === 'string'))];
  const rows = unique.length
    ? await em.execute<{ id: string; code: string }[]>(`select id, code from egov.${table} where code in (?)`, [unique])
    : [];
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** A time that may be in the future (a due time): a Date or an RFC 3339 string, at most two years ahead. */
function checkDueTime(problems: BatchProblems, field: string, value: unknown, now: number): number {
  const probe = new BatchProblems();
  const at = checkEventTime(probe, field, value, now + MAX_DUE_AHEAD_MS);
  if (probe.count) problems.add(field, 'must be a date at most two years ahead');
  return at;
}

/** Checks a batch as a whole after two statements reading its procedures and agencies; BAD_USER_INPUT names `dossiers[i].field`. */
async function validateDossiers(em: EntityManager, now: number, source: unknown, dossiers: readonly DossierCandidate[]) {
  const problems = new BatchProblems();
  const checkedSource = checkSource(problems, source);
  const procedures = await codes(
    em,
    'procedure',
    dossiers.map((d) => d.procedureCode),
  );
  const agencies = await codes(
    em,
    'service_agency',
    dossiers.map((d) => d.agencyCode),
  );
  const rows: ValidDossier[] = [];
  dossiers.forEach((d, i) => {
    const before = problems.count;
    const field = (name: string) => `dossiers[${i}].${name}`;
    const sourceId = checkSourceId(problems, field('sourceId'), d.sourceId);
    const procedureId = typeof d.procedureCode === 'string' ? procedures.get(d.procedureCode) : undefined;
    if (!procedureId) problems.add(field('procedureCode'), `no procedure ${String(d.procedureCode).slice(0, 100)}`);
    const agencyId = typeof d.agencyCode === 'string' ? agencies.get(d.agencyCode) : undefined;
    if (!agencyId) problems.add(field('agencyCode'), `no agency ${String(d.agencyCode).slice(0, 100)}`);
    if (typeof d.channel !== 'string' || !CHANNELS.has(d.channel))
      problems.add(field('channel'), `must be one of ${[...CHANNELS].join(', ')}`);
    const status = typeof d.status === 'string' && STATUSES.has(d.status) ? (d.status as DossierStatus) : null;
    if (!status) problems.add(field('status'), `must be one of ${[...STATUSES].join(', ')}`);
    const beforeReceived = problems.count;
    const receivedAt = checkEventTime(problems, field('receivedAt'), d.receivedAt, now);
    // Times after a bad receivedAt are not compared with it: one problem, named once.
    const since = problems.count === beforeReceived ? receivedAt : -Infinity;
    const dueAt = checkDueTime(problems, field('dueAt'), d.dueAt, now);
    if (dueAt < since) problems.add(field('dueAt'), 'must not be before receivedAt');
    let finishedAt: number | null = null;
    if (status === DossierStatus.RECEIVED) {
      if (d.finishedAt !== null && d.finishedAt !== undefined) problems.add(field('finishedAt'), 'must be null while RECEIVED');
    } else if (status) {
      finishedAt = checkEventTime(problems, field('finishedAt'), d.finishedAt ?? null, now);
      if (finishedAt < since) problems.add(field('finishedAt'), 'must not be before receivedAt');
    }
    const updatedAt = checkEventTime(problems, field('updatedAt'), d.updatedAt, now);
    if (updatedAt < since) problems.add(field('updatedAt'), 'must not be before receivedAt');
    if (problems.count === before) {
      rows.push({
        sourceId,
        procedureId: procedureId!,
        agencyId: agencyId!,
        channel: d.channel as DossierChannel,
        status: status!,
        receivedAt,
        dueAt,
        finishedAt,
        processingDays: status === DossierStatus.FINISHED ? workingDaysBetween(receivedAt, finishedAt!) : null,
        updatedAt,
      });
    }
  });
  problems.throwIfAny();
  return { source: checkedSource, rows };
}

/**
 * Validates a batch of dossiers from the one-stop-shop system as a whole, then in one transaction stores
 * it: a dossier new by (source, sourceId) is inserted, one already known is replaced only when the batch
 * has it with a newer `updatedAt` (its state moved on), else it is a duplicate and nothing is written. The
 * hourly rollups take the difference each stored dossier makes, and the OVERDUE_DOSSIERS rules are judged
 * (breach events to the outbox in the same transaction). A bad batch writes nothing and fails with
 * BAD_USER_INPUT naming `dossiers[i].field`. The GraphQL mutation and the bulk route (`POST
 * /ingest/v1/dossiers`) both call this; the statements sent do not depend on the batch's size.
 */
export async function ingestDossiers(
  em: EntityManager,
  clock: Clock,
  source: unknown,
  dossiers: readonly DossierCandidate[],
  actor: Identity = SERVICE_IDENTITY('egov'),
  maxDossiers = MAX_BATCH,
): Promise<DossierIngestOutcome> {
  if (dossiers.length > maxDossiers)
    throw badInput(`At most ${maxDossiers} dossiers per call`, [{ field: 'dossiers', message: `at most ${maxDossiers}` }]);
  const valid = await validateDossiers(em, clock.now().getTime(), source, dossiers);
  if (!valid.rows.length) return { received: 0, stored: 0, updated: 0, duplicates: 0 };
  const { stored, updated } = await em.transactional((tx) => storeDossiers(tx, clock.now(), actor, valid.source, valid.rows));
  return { received: dossiers.length, stored, updated, duplicates: dossiers.length - stored - updated };
}

const COLUMNS = 'source_id, procedure_id, agency_id, channel, status, received_at, due_at, finished_at, processing_days, updated_at';

/** A dossier's side as the upsert answers it (JSON: times as text). */
type SideJson = Omit<RollupSide, 'receivedAt' | 'dueAt' | 'finishedAt'> & { receivedAt: string; dueAt: string; finishedAt: string | null };

const sideOf = (json: SideJson): RollupSide => ({
  ...json,
  receivedAt: new Date(json.receivedAt),
  dueAt: new Date(json.dueAt),
  finishedAt: json.finishedAt ? new Date(json.finishedAt) : null,
});

/** What the rollups count of a dossier row aliased `alias`, as JSON. */
const sideSql = (alias: string) =>
  `jsonb_build_object('agencyId', ${alias}.agency_id, 'channel', ${alias}.channel, 'status', ${alias}.status, 'receivedAt', ${alias}.received_at,
     'dueAt', ${alias}.due_at, 'finishedAt', ${alias}.finished_at, 'processingDays', ${alias}.processing_days)`;

async function storeDossiers(tx: EntityManager, at: Date, actor: Identity, source: string, rows: ValidDossier[]) {
  // One ingest at a time: the rollups take differences from the rows as they were, which a concurrent batch must not move.
  await tx.execute(`select pg_advisory_xact_lock(hashtext('egov.dossier'))`);
  await tx.execute(
    `create temp table dossier_staging (n bigint generated always as identity, source_id text, procedure_id uuid, agency_id uuid,
       channel text, status text, received_at timestamptz, due_at timestamptz, finished_at timestamptz, processing_days double precision,
       updated_at timestamptz) on commit drop`,
  );
  let copy = '';
  for (const r of rows) {
    copy += `${copyText(r.sourceId)}\t${r.procedureId}\t${r.agencyId}\t${r.channel}\t${r.status}\t${iso(r.receivedAt)}\t${iso(r.dueAt)}\t${
      r.finishedAt === null ? '\\N' : iso(r.finishedAt)
    }\t${r.processingDays === null ? '\\N' : r.processingDays}\t${iso(r.updatedAt)}\n`;
  }
  await copyFromStdin(tx, `copy dossier_staging (${COLUMNS}) from stdin`, copy);
  // All CTEs see the table as it was before the upsert: `old` is each dossier's previous state.
  const written = await tx.execute<{ inserted: boolean; after: SideJson; before: SideJson | null }[]>(
    `with batch as (
       select distinct on (source_id) * from dossier_staging order by source_id, updated_at desc, n desc
     ), old as (
       select d.* from egov.dossier d join batch b on d.source = ? and d.source_id = b.source_id
     ), up as (
       insert into egov.dossier as t (source, ${COLUMNS}, received_here_at)
       select ?, ${COLUMNS}, ?::timestamptz from batch
       on conflict (source, source_id) do update set
         procedure_id = excluded.procedure_id, agency_id = excluded.agency_id, channel = excluded.channel, status = excluded.status,
         received_at = excluded.received_at, due_at = excluded.due_at, finished_at = excluded.finished_at,
         processing_days = excluded.processing_days, updated_at = excluded.updated_at, received_here_at = excluded.received_here_at
       where t.updated_at < excluded.updated_at
       returning t.*, (xmax = 0) as inserted
     )
     select up.inserted, ${sideSql('up')} as after, case when old.source_id is null then null else ${sideSql('old')} end as before
     from up left join old on old.source_id = up.source_id`,
    [source, source, at.toISOString()],
  );
  await tx.execute('drop table dossier_staging');
  await addRollupDifferences(
    tx,
    written.map((r) => ({ before: r.before && sideOf(r.before), after: sideOf(r.after) })),
  );
  await evaluateOverdue(tx, at, actor);
  const stored = written.filter((r) => r.inserted).length;
  return { stored, updated: written.length - stored };
}
