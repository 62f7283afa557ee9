import type { EntityManager } from '@mikro-orm/postgresql';
import { copyFromStdin } from '../database/copyFromStdin';

/** A table of records from sending systems, unique by `(source, source_id)`. */
export interface RecordTableSpec {
  /** The table, schema-qualified: `environment.reading`. */
  table: string;
  /**
   * The columns of each row sent, in the rows' order, with their SQL types (the staging table is made of
   * them): `source` and `source_id` among them.
   */
  columns: Readonly<Record<string, string>>;
}

/**
 * Which records of a batch were new: all of them, or those whose `source_id` is listed (of a source id
 * repeated in the batch, its first record).
 */
export type NewRecords = { all: true; count: number } | { all: false; count: number; sourceIds: Set<string> };

const UNIQUE_VIOLATION = '23505';

/**
 * The records of a batch that {@link storeNewRecords} stored, in the batch's order: all of them, or those
 * whose source id it listed (of a source id repeated in the batch, its first record).
 */
export function storedRecords<R extends { sourceId: string }>(rows: readonly R[], outcome: NewRecords): R[] {
  if (outcome.all) return [...rows];
  const taken = new Set<string>();
  return rows.filter((r) => outcome.sourceIds.has(r.sourceId) && !taken.has(r.sourceId) && Boolean(taken.add(r.sourceId)));
}

/**
 * Stores the records of a batch that are new by `(source, source_id)`, inside the caller's transaction,
 * and answers which were new. `rows` are the batch's records in COPY's text format (see `copyText`),
 * in the order of the spec's columns.
 *
 * A batch of new records, the usual case, is one `COPY` straight into the table: the fastest way
 * PostgreSQL has to take rows. A record whose key is already stored (a batch sent again, or a source id
 * repeated in it) makes PostgreSQL refuse the whole `COPY`; the batch is then copied into a temporary
 * staging table and stored with `insert … select distinct on (source, source_id) … on conflict do
 * nothing returning source_id`. Either way a constant number of statements, whatever the batch's size.
 * A concurrent batch storing the same key makes the `COPY` wait for it, then fail over to the staging
 * path: the unique key decides, never a check made before.
 */
export async function storeNewRecords(tx: EntityManager, spec: RecordTableSpec, rows: string | Buffer): Promise<NewRecords> {
  const columns = Object.keys(spec.columns).join(', ');
  await tx.execute('savepoint store_new_records');
  try {
    // Not released: the savepoint ends with the transaction, and a round trip less counts at thousands of rows a second.
    return { all: true, count: await copyFromStdin(tx, `copy ${spec.table} (${columns}) from stdin`, rows) };
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await tx.execute('rollback to savepoint store_new_records');
  }
  const typed = Object.entries(spec.columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  await tx.execute(`create temp table ingest_staging (n bigint generated always as identity, ${typed}) on commit drop`);
  await copyFromStdin(tx, `copy ingest_staging (${columns}) from stdin`, rows);
  const stored = await tx.execute<{ source_id: string }[]>(
    `insert into ${spec.table} (${columns})
     select ${columns} from (select distinct on (source, source_id) * from ingest_staging order by source, source_id, n) s
     on conflict (source, source_id) do nothing
     returning source_id`,
  );
  await tx.execute('drop table ingest_staging');
  return { all: false, count: stored.length, sourceIds: new Set(stored.map((row) => row.source_id)) };
}
