import { dateExists } from '../exports/filters';
import { badOpenRequest } from '../openOperations';

/** Parameters every Open311 resource takes: the spec's `jurisdiction_id` and `api_key`, and the hub's `locale`. */
export const COMMON = ['jurisdiction_id', 'api_key', 'locale'];

/** Parameters of a request, one text value each (query string, form or JSON body). */
export type Parameters = Record<string, string>;

/** Longest value of any parameter but `description` (4,000 characters, the hub's own limit, checked by the report). */
const MAX_VALUE = 2000;
const MAX_DESCRIPTION = 4000;

/**
 * The parameters of `source` (query string or body), refusing any not in `known` (`attribute[…]` when
 * `attributes`), any given twice, and any that is not short text. JSON numbers (`lat`, `long`) count as text.
 */
export function readParameters(source: unknown, known: readonly string[], what: string, attributes = false): Parameters {
  if (source === undefined || source === null) return {};
  if (typeof source !== 'object' || Array.isArray(source)) throw badOpenRequest(`${what} takes named parameters`);
  const parameters: Parameters = {};
  for (const [name, raw] of Object.entries(source as Record<string, unknown>)) {
    if (name === 'attribute' && attributes && raw && typeof raw === 'object' && !Array.isArray(raw)) {
      // JSON bodies may give attributes as an object: { "attribute": { "CODE": "value" } }.
      for (const [code, value] of Object.entries(raw))
        Object.assign(parameters, readParameters({ [`attribute[${code}]`]: value }, [], what, true));
      continue;
    }
    const isAttribute = attributes && /^attribute\[[^\]]{1,100}\](\[\])?$/.test(name);
    if (!known.includes(name) && !isAttribute)
      throw badOpenRequest(`Unknown parameter "${name.slice(0, 100)}"; ${what} takes ${known.join(', ')}`);
    const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
    const longest = name === 'description' ? MAX_DESCRIPTION : MAX_VALUE;
    if (typeof value !== 'string') throw badOpenRequest(`${name.slice(0, 100)} must be given once, as text`);
    if (value.length > longest) throw badOpenRequest(`${name.slice(0, 100)} must be at most ${longest} characters`);
    parameters[name] = value;
  }
  return parameters;
}

/** Greatest span of `start_date`–`end_date`, and the default window: the spec's 90 days. */
export const MAX_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

// W3C datetime (ISO 8601 profile) with a time zone, or a day (taken as 00:00 UTC).
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function readDate(name: string, value: string): Date {
  const at = W3C_DATETIME.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null;
  if (!at || Number.isNaN(at.getTime()) || !dateExists(value)) {
    throw badOpenRequest(`${name} must be a W3C datetime with a time zone, e.g. 2026-11-01T00:00:00+07:00`);
  }
  return at;
}

/**
 * The `start_date`–`end_date` window: at most 90 days; with only one of them, the 90 days after the start
 * or before the end; with neither, the last 90 days (the spec's default).
 */
export function readWindow(parameters: Parameters, now: Date): { from: Date; to: Date } {
  const start = parameters.start_date !== undefined ? readDate('start_date', parameters.start_date) : null;
  const end = parameters.end_date !== undefined ? readDate('end_date', parameters.end_date) : null;
  const to = end ?? (start ? new Date(start.getTime() + MAX_WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - MAX_WINDOW_DAYS * DAY_MS);
  if (from >= to) throw badOpenRequest('start_date must be before end_date');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS)
    throw badOpenRequest(`start_date to end_date may span at most ${MAX_WINDOW_DAYS} days`);
  return { from, to };
}

/** A list parameter (`service_request_id`, `status`): comma-separated, trimmed, without empties; at most `max`. */
export function readList(name: string, value: string | undefined, max: number): string[] | null {
  if (value === undefined) return null;
  const items = [
    ...new Set(
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length === 0) throw badOpenRequest(`${name} must list at least one value`);
  if (items.length > max) throw badOpenRequest(`${name} may list at most ${max} values`);
  return items;
}
