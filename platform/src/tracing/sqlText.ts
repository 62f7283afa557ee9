/** A statement's text as a span keeps it: long IN lists and generated SQL stop here. */
const MAX_LENGTH = 4_000;

/** String constants: '…' (with '' inside), E'…' (with backslash escapes), $tag$…$tag$. */
const STRINGS = /[eE]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'|\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g;
/** Numeric constants, not the digits of a name (`a0`, `int4`) nor a parameter (`$1`). */
const NUMBERS = /(?<![\w$."])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/g;

/**
 * `sql` with every constant replaced by `?`: the ORM writes the values of a statement into its text
 * (names, phone numbers, places), and a trace goes to a collector that must not keep them. The shape
 * of the statement stays (tables, columns, joins, how many values an IN list had).
 */
export function maskSqlConstants(sql: string): string {
  return sql.replace(STRINGS, '?').replace(NUMBERS, '?').slice(0, MAX_LENGTH);
}
