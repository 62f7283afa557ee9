import { badInput, type FieldProblem } from '../errors';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Problems reported per refused body (the rest are counted). */
const MAX_PROBLEMS = 50;

/**
 * The records of an NDJSON body (`application/x-ndjson`: one JSON object per line, UTF-8, a final newline
 * optional, CRLF endings allowed). Record `i` is line `i + 1`: a blank line is a bad record, not skipped,
 * so that a problem's index always names its line. Refuses the whole body with BAD_USER_INPUT when it
 * has more than `maxRecords` lines (before parsing any), is not UTF-8, or has lines that are not JSON
 * objects (each named `<list>[i]`).
 *
 * @param list the records' name in problems: `readings` gives `readings[3]`
 */
export function parseNdjson(body: Buffer, list: string, maxRecords: number): Record<string, unknown>[] {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw badInput('The body is not UTF-8 text', [{ field: list, message: 'must be UTF-8 text' }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length > maxRecords) {
    throw badInput(`At most ${maxRecords} ${list} per request, got ${lines.length}: split the batch`, [
      { field: list, message: `at most ${maxRecords}` },
    ]);
  }
  const records: Record<string, unknown>[] = new Array(lines.length);
  const problems: FieldProblem[] = [];
  let bad = 0;
  for (let i = 0; i < lines.length; i++) {
    let record: unknown;
    try {
      record = JSON.parse(lines[i]!);
    } catch {
      record = undefined;
    }
    if (record !== null && typeof record === 'object' && !Array.isArray(record)) records[i] = record as Record<string, unknown>;
    else if (++bad <= MAX_PROBLEMS) problems.push({ field: `${list}[${i}]`, message: `line ${i + 1} is not a JSON object` });
  }
  if (bad) {
    const more = bad > problems.length ? ` (and ${bad - problems.length} more)` : '';
    throw badInput(`The body has ${bad} line(s) that are not JSON objects${more}; nothing was stored: ${problems[0]!.message}`, problems);
  }
  return records;
}
