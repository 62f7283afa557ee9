const STATEMENT_START = /\b(select|insert|update|delete|with|alter|create|drop|truncate)\s/i;
const STATEMENT_BODY = /\b(from|into|set|table|values)\b/i;
// Any address: a subgraph's URL, a database connection string with its password. The scheme is bounded so
// that a long word costs linear time.
const ADDRESS = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s"'<>`]+/gi;

/**
 * `text` (an unexpected error's message or a stack line) without the SQL statement a driver error quotes,
 * values and all, and without any URL or connection string: what development may show a client of an
 * internal error. A driver error reads "<statement> - <reason>": the reason is kept. Linear in the text.
 */
export function redactInternals(text: string): string {
  let out = text;
  const start = out.search(STATEMENT_START);
  if (start >= 0 && STATEMENT_BODY.test(out.slice(start))) {
    const reason = out.lastIndexOf(' - ');
    out = `${out.slice(0, start)}[SQL statement hidden]${reason > start ? out.slice(reason) : ''}`;
  }
  return out.replace(ADDRESS, '[address hidden]');
}
