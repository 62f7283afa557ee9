import { badOpenRequest } from '../openOperations';
import type { DatasetFilter } from './dataset';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * An instant as ISO 8601 with its offset (`2026-11-23T08:00:00+07:00`, `…Z`): a time without one would be
 * read in the server's zone, which a partner cannot know.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function readInstant(name: string, value: string): Date {
  const at = ISO_INSTANT.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime()) || !dateExists(value)) {
    throw badOpenRequest(`${name} must be an ISO 8601 instant with its offset, e.g. 2026-11-23T08:00:00+07:00`);
  }
  return at;
}

/**
 * Whether the calendar date a text starts with (`YYYY-MM-DD…`) exists: `Date` rolls 2026-02-30 over into
 * March, so a date that does not exist is to be refused, not moved.
 */
export function dateExists(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return month >= 1 && month <= 12 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** A filter of an instant, passed to the operation as variable `variable`. */
export function instantFilter(description: string, variable: string, name: string): DatasetFilter {
  return { description, variables: (value) => ({ [variable]: readInstant(name, value).toISOString() }) };
}

/** A filter of one value of a GraphQL enum, checked here so that the refusal names the values. */
export function enumFilter(
  description: string,
  variable: string,
  values: readonly string[],
  wrap = (value: string): unknown => value,
): DatasetFilter {
  return {
    description: `${description}: ${values.join(', ')}`,
    variables(value) {
      if (!values.includes(value)) throw badOpenRequest(`${variable} must be one of ${values.join(', ')}`);
      return { [variable]: wrap(value) };
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A filter of a record's id (UUID), such as the administrative unit of `withinUnitId`. */
export function idFilter(description: string, variable: string, name: string): DatasetFilter {
  return {
    description,
    variables(value) {
      if (!UUID.test(value)) throw badOpenRequest(`${name} must be an id (UUID)`);
      return { [variable]: value.toLowerCase() };
    },
  };
}

/** A filter of a code such as a station's (`BP-KK-DX01`): letters, digits, dots and dashes. */
export function codeFilter(description: string, variable: string, name: string): DatasetFilter {
  return {
    description,
    variables(value) {
      if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,59}$/.test(value))
        throw badOpenRequest(`${name} must be a code of letters, digits, dots and dashes`);
      return { [variable]: value };
    },
  };
}

/**
 * Completes a time window `[from, to)` given by the `from` and `to` filters: `to` defaults to the start of the
 * current hour (so that answers within an hour are the same, and cached), `from` to `defaultDays` before `to`;
 * a window that is empty, reversed or longer than `maxDays` is refused.
 */
export function timeWindow(options: { maxDays: number; defaultDays: number }) {
  return (variables: Record<string, unknown>, now: Date): Record<string, unknown> => {
    const given = (name: string) => (typeof variables[name] === 'string' ? new Date(variables[name] as string) : null);
    const to = given('to') ?? (given('from') ? new Date(given('from')!.getTime() + options.defaultDays * DAY_MS) : hourOf(now));
    const from = given('from') ?? new Date(to.getTime() - options.defaultDays * DAY_MS);
    if (from.getTime() >= to.getTime()) throw badOpenRequest('from must be before to');
    if (to.getTime() - from.getTime() > options.maxDays * DAY_MS)
      throw badOpenRequest(`from and to may be at most ${options.maxDays} days apart`);
    return { ...variables, from: from.toISOString(), to: to.toISOString() };
  };
}

const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

/** The `from` and `to` filters of a {@link timeWindow}. */
export function windowFilters(what: string, maxDays: number, defaultDays: number): Record<string, DatasetFilter> {
  return {
    from: instantFilter(
      `Start of the window (inclusive) of ${what}, ISO 8601 with offset; ${defaultDays} days before to when omitted`,
      'from',
      'from',
    ),
    to: instantFilter(
      `End of the window (exclusive), ISO 8601 with offset, at most ${maxDays} days after from; the current hour when omitted`,
      'to',
      'to',
    ),
  };
}
