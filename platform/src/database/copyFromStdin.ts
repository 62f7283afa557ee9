import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A text value as a field of COPY's text format (tab-separated, `\N` for null): backslash, tab, newline
 * and carriage return escaped. NUL cannot be sent at all: validate text with `textProblem` first.
 */
export const copyText = (value: string): string => (SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value);

/** The knex transaction's own client hands out the transaction's connection, never another one of the pool. */
interface TransactionClient {
  client: { acquireConnection(): Promise<ClientBase> };
}

/**
 * Streams `data` (rows of COPY's text format, each ending in a newline) into PostgreSQL with
 * `sql` (`copy <table> (<columns>) from stdin`) on the connection of the transaction `em` runs in, and
 * answers how many rows PostgreSQL took. The statement is logged like the entity manager's own, so
 * that the tests' statement counts see it. Rejects with PostgreSQL's error (its `code` the SQLSTATE) when
 * a row is refused: the transaction is then aborted up to its last savepoint.
 */
export async function copyFromStdin(em: EntityManager, sql: string, data: string | Buffer): Promise<number> {
  const transaction = em.getTransactionContext<TransactionClient & object>();
  if (!transaction) throw new Error('copyFromStdin runs inside a transaction (em.transactional)');
  const connection = await transaction.client.acquireConnection();
  const started = Date.now();
  const copy = connection.query(copyFrom(sql));
  let level: 'info' | 'error' = 'error';
  try {
    await pipeline(Readable.from([typeof data === 'string' ? Buffer.from(data) : data]), copy);
    level = 'info';
    return copy.rowCount;
  } finally {
    em.config.getLogger().logQuery({ query: sql, took: Date.now() - started, affected: copy.rowCount, level });
  }
}
