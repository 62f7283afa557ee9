import { addLocalDays, badInput, groupByKeys, isLocalDate, localDate, startOfLocalDate, type FieldProblem } from '@ioc-graph/platform';
import type { PartnersContext } from '../context';
import type { ApiKeyUsage } from './apiKeyUsage';

/** The longest period `ApiKey.usage` answers, in days. */
export const MAX_USAGE_DAYS = 366;
const DAY_MS = 86_400_000;

/** The local days `ApiKey.usage` reads: `to` defaults to today, `from` to 29 days before `to`. BAD_USER_INPUT otherwise. */
export function usagePeriod(now: Date, from?: string | null, to?: string | null): { from: string; to: string } {
  const problems: FieldProblem[] = [];
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value != null && !isLocalDate(value)) problems.push({ field, message: 'must be a calendar date YYYY-MM-DD' });
  }
  if (problems.length) throw badInput('from and to must be calendar dates YYYY-MM-DD', problems);
  const last = to ?? localDate(now);
  const first = from ?? addLocalDays(last, -29);
  const days = (startOfLocalDate(last).getTime() - startOfLocalDate(first).getTime()) / DAY_MS + 1;
  if (days < 1) throw badInput('from must not be after to', [{ field: 'from', message: 'must not be after to' }]);
  if (days > MAX_USAGE_DAYS)
    throw badInput(`at most ${MAX_USAGE_DAYS} days at once`, [{ field: 'from', message: `at most ${MAX_USAGE_DAYS} days before to` }]);
  return { from: first, to: last };
}

type UsageRow = { key_id: string; day: string; requests: string; rows: string; bytes: string; refused: string };

/** The daily use of every key of a request over one period, in one statement. */
export function usageByKey(ctx: PartnersContext, period: { from: string; to: string }) {
  return ctx.loaders.get<string, ApiKeyUsage[]>(`ApiKeyUsage:${period.from}:${period.to}`, async (keys) => {
    const rows: UsageRow[] = await ctx.em.execute(
      `select key_id, to_char(day, 'YYYY-MM-DD') as day, requests, rows, bytes, refused from "partners"."api_key_usage"
        where key_id in (?) and day between ? and ? order by day`,
      [[...keys], period.from, period.to],
    );
    return groupByKeys(keys, rows, (row) => row.key_id).map((list) =>
      list.map((row) => ({
        day: row.day,
        requests: Number(row.requests),
        rows: Number(row.rows),
        bytes: Number(row.bytes),
        refused: Number(row.refused),
      })),
    );
  });
}
