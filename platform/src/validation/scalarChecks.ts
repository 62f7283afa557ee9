import { isUuid } from './ids';

/**
 * The years an event time of this API may fall in. Anything earlier or later is a typo or a probe (year
 * 0000 is not even a date PostgreSQL stores), not an event a province records.
 */
export const EVENT_YEARS = { min: 1900, max: 2100 } as const;

// With the `u` flag a well-formed surrogate pair is one code point, so this matches only lone halves.
const LONE_SURROGATE = /\p{Surrogate}/u;
// RFC 3339 as the subgraphs' DateTimeISO (graphql-scalars) reads it: a T, seconds, any fraction, Z or an offset.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Without a Date per call: bulk ingest checks every reading's time.
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!;

/** What is wrong with a string for any text column: NUL (PostgreSQL refuses it) or a lone UTF-16 surrogate. */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it has a lone surrogate)';
  return undefined;
}

/** What is wrong with an RFC 3339 date-time: its form, a day or hour that does not exist, a year outside {@link EVENT_YEARS}. */
export function dateTimeProblem(value: unknown): string | undefined {
  const form = `must be a date and time such as 2026-11-23T08:30:00+07:00 (RFC 3339)`;
  if (typeof value !== 'string') return form;
  const match = DATE_TIME.exec(value);
  if (!match) return form;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
    return `is not a real date and time (${form.replace('must be ', '')})`;
  }
  if (offsetHours > 23 || offsetMinutes > 59) return form;
  if (year < EVENT_YEARS.min || year > EVENT_YEARS.max) return `must be between the years ${EVENT_YEARS.min} and ${EVENT_YEARS.max}`;
  return undefined;
}

/**
 * What is wrong with one scalar input value, by its GraphQL type and the name of the argument or input
 * field that holds it; undefined when nothing is. Values of the wrong JavaScript type are left to
 * GraphQL's own coercion, except for DateTimeISO, whose gateway schema has no coercion of its own.
 * Every ID of this API is a UUID. Ranges (a latitude, a page size) are left to the subgraphs' input
 * rules, which report every problem of an input at once.
 */
export function scalarProblem(typeName: string, value: unknown): string | undefined {
  if (typeName === 'DateTimeISO') return dateTimeProblem(value) ?? (typeof value === 'string' ? textProblem(value) : undefined);
  if (typeName === 'ID' && (typeof value === 'string' || typeof value === 'number')) {
    return isUuid(String(value)) ? undefined : 'must be an id returned by this API';
  }
  return typeof value === 'string' ? textProblem(value) : undefined;
}
