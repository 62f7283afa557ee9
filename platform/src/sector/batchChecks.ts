import { badInput, type FieldProblem } from '../errors';
import { dateTimeProblem, textProblem } from '../validation/scalarChecks';

/** Problems reported per refused batch (the rest are counted). */
const MAX_PROBLEMS = 50;
/** How far in the future a device clock may run before its records are refused. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Collects the problems of a batch validated as a whole (`readings[i].field`), and refuses the batch
 * with BAD_USER_INPUT when there is any: the first {@link MAX_PROBLEMS} listed in `problems`, the rest
 * counted in the message.
 */
export class BatchProblems {
  readonly list: FieldProblem[] = [];
  count = 0;

  add(field: string, message: string): void {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push({ field, message });
  }

  throwIfAny(): void {
    if (!this.list.length) return;
    const more = this.count > this.list.length ? ` (and ${this.count - this.list.length} more)` : '';
    throw badInput(
      `The batch has ${this.count} invalid field(s)${more}; nothing was stored: ${this.list[0]!.field} ${this.list[0]!.message}`,
      this.list,
    );
  }
}

/** The sending system's name (1 to 100 characters, trimmed); a problem otherwise. */
export function checkSource(problems: BatchProblems, value: unknown, field = 'source'): string {
  const source = typeof value === 'string' ? value.trim() : '';
  if (!source || source.length > 100) problems.add(field, 'must be 1 to 100 characters');
  else {
    const problem = textProblem(source);
    if (problem) problems.add(field, problem);
  }
  return source;
}

/** A record's id in its sending system (1 to 200 characters, trimmed); a problem otherwise. */
export function checkSourceId(problems: BatchProblems, field: string, value: unknown): string {
  const sourceId = typeof value === 'string' ? value.trim() : '';
  if (!sourceId || sourceId.length > 200) problems.add(field, 'must be 1 to 200 characters');
  else {
    const problem = textProblem(sourceId);
    if (problem) problems.add(field, problem);
  }
  return sourceId;
}

/**
 * When a record happened, in ms since the epoch: a Date (GraphQL's DateTimeISO) or an RFC 3339 string
 * (a bulk body), at most {@link FUTURE_TOLERANCE_MS} ahead of `now`. NaN with a problem otherwise.
 */
export function checkEventTime(problems: BatchProblems, field: string, value: unknown, now: number): number {
  let at = NaN;
  if (value instanceof Date) at = value.getTime();
  else if (typeof value === 'string') {
    const problem = dateTimeProblem(value);
    if (problem) {
      problems.add(field, problem);
      return NaN;
    }
    at = Date.parse(value);
  }
  if (!Number.isFinite(at)) problems.add(field, 'must be a date');
  else if (at > now + FUTURE_TOLERANCE_MS) problems.add(field, 'is in the future');
  return at;
}

// RFC 3339 with an upper-case T and zone and at most milliseconds: PostgreSQL reads it as the very instant
// Date.parse does, so it can be sent as it came.
const SAME_INSTANT_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The text to send PostgreSQL for a time {@link checkEventTime} took: the string as given when PostgreSQL
 * reads the same instant from it (no Date made and printed per record), else the instant in ISO form.
 */
export const eventTimeText = (value: unknown, at: number): string =>
  typeof value === 'string' && SAME_INSTANT_TEXT.test(value) ? value : new Date(at).toISOString();
