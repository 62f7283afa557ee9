import { addLocalDays, badInput, isLocalDate, localDate, type FieldProblem } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiKeyUsageInput } from './gatewayApiKey';

/** The most entries one `recordApiKeyUsage` call may carry. */
export const MAX_USAGE_ENTRIES = 1000;
/** How old a reported day may be: a gateway that was down reports late, but not a year late. */
const MAX_REPORT_AGE_DAYS = 31;

/** Checks a report as a whole: BAD_USER_INPUT naming `entries[i].day` for each bad day. */
export function checkUsageEntries(entries: ApiKeyUsageInput[], now: Date): void {
  if (entries.length > MAX_USAGE_ENTRIES) {
    throw badInput(`at most ${MAX_USAGE_ENTRIES} entries at once`, [{ field: 'entries', message: `at most ${MAX_USAGE_ENTRIES}` }]);
  }
  const today = localDate(now);
  const oldest = addLocalDays(today, -MAX_REPORT_AGE_DAYS);
  const tomorrow = addLocalDays(today, 1);
  const problems: FieldProblem[] = [];
  entries.forEach((entry, i) => {
    if (!isLocalDate(entry.day) || entry.day < oldest || entry.day > tomorrow) {
      problems.push({ field: `entries[${i}].day`, message: `must be a calendar date from ${oldest} to ${tomorrow}` });
    }
  });
  if (problems.length) throw badInput('Some usage entries have a bad day', problems);
}

/** A PostgreSQL array literal of checked values (ids, dates, whole numbers): one parameter per column, whatever the count. */
const arrayLiteral = (values: (string | number)[]) => `{${values.join(',')}}`;

/**
 * Adds a report to the days' counters and marks the keys used, in one statement: entries of the same
 * key and day are summed first (an upsert may touch a row once), and entries of unknown keys are
 * dropped (a key is never deleted, so only a confused caller sends one).
 */
export async function recordUsage(em: EntityManager, entries: ApiKeyUsageInput[], at: Date): Promise<void> {
  const sums = new Map<string, ApiKeyUsageInput>();
  for (const entry of entries) {
    const key = `${entry.keyId.toLowerCase()}|${entry.day}`;
    const sum = sums.get(key);
    if (!sum) sums.set(key, { ...entry, keyId: entry.keyId.toLowerCase() });
    else for (const counter of ['requests', 'rows', 'bytes', 'refused'] as const) sum[counter] += entry[counter];
  }
  const rows = [...sums.values()];
  if (!rows.length) return;
  const column = (pick: (row: ApiKeyUsageInput) => string | number) => arrayLiteral(rows.map(pick));
  await em.execute(
    `with added as (
       insert into "partners"."api_key_usage" as u (key_id, day, requests, rows, bytes, refused)
       select e.key_id, e.day, e.requests, e.rows, e.bytes, e.refused
         from unnest(?::uuid[], ?::date[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) as e(key_id, day, requests, rows, bytes, refused)
         join "partners"."api_key" k on k.id = e.key_id
       on conflict (key_id, day) do update set
         requests = u.requests + excluded.requests, rows = u.rows + excluded.rows,
         bytes = u.bytes + excluded.bytes, refused = u.refused + excluded.refused
       returning key_id
     )
     update "partners"."api_key" k set last_used_at = greatest(k.last_used_at, ?::timestamptz)
       where k.id in (select key_id from added)`,
    [
      column((r) => r.keyId),
      column((r) => r.day),
      column((r) => r.requests),
      column((r) => r.rows),
      column((r) => r.bytes),
      column((r) => r.refused),
      at.toISOString(),
    ],
  );
}
