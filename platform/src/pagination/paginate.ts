import type { EntityDictionary, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readOnlyRowsOf } from '../database/readOnlyRows';
import { runStatement, statementFor, statementKey } from '../database/statementCache';
import { badInput } from '../errors';
import type { Connection } from './connection';

export interface PaginateOptions<T> {
  first: number;
  after?: string | null;
  /** The sort field; ties are broken by `id`, so the order is total and cursors are stable. */
  orderBy: keyof T & string;
  direction?: 'ASC' | 'DESC';
  /**
   * Answer with read-only rows (see `readOnlyRowMapper`) instead of managed entities: for lists whose
   * items are only passed on to GraphQL, never changed or handed to the entity manager.
   * @default false
   */
  readOnly?: boolean;
}

/** The column of the page's query that carries the count of every row matching the filter. */
const TOTAL = '__total_count';

type Cursor = [value: unknown, id: string];

export const encodeCursor = (value: unknown, id: string) =>
  Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString('base64url');

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') return parsed as Cursor;
  } catch {
    /* falls through to the error below */
  }
  throw badInput('The cursor is not valid', [{ field: 'after', message: 'not a cursor returned by this list' }]);
}

/**
 * Keyset pagination over (orderBy, id): a page is one SELECT of `first + 1` rows after the cursor, with
 * `totalCount` from a sub-select of the same filter in the same statement (PostgreSQL runs it once); a
 * second statement counts only when the page is empty after a cursor. Items inserted while paging never
 * shift a page.
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: PaginateOptions<T>,
): Promise<Connection<T>> {
  const direction = options.direction ?? 'ASC';
  const op = direction === 'ASC' ? '$gt' : '$lt';
  const field = options.orderBy;
  let filter = where;
  if (options.after) {
    const [value, id] = decodeCursor(options.after);
    const after = { $or: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: id } }] };
    filter = { $and: [where, after] } as FilterQuery<T>;
  }
  const meta = em.getMetadata().get<T>(entity as EntityName<T>);
  // A first page is built once per filter (its values included), order and size, and kept (see
  // statementCache); a page after a cursor, each one different, is built every time.
  const key = options.after ? undefined : statementKey(where, field, direction, options.first);
  const statement = statementFor(meta, key, () => {
    // Counted after the filter is set: a filter through a to-many relation joins it, and ids are then counted once.
    const count = em.createQueryBuilder(entity, 'counted').where(where);
    count.count();
    return em
      .createQueryBuilder(entity)
      .select(['*', count.as(TOTAL)])
      .where(filter)
      .orderBy({ [field]: direction, id: direction } as QueryOrderMap<T>)
      .limit(options.first + 1);
  });
  const results = await runStatement(em, statement);
  const totalCount = results.length ? Number(results[0][TOTAL]) : options.after ? await em.count(entity, where) : 0;
  const rows = results.slice(0, options.first);
  const page = options.readOnly
    ? readOnlyRowsOf(em, entity, rows)
    : rows.map((result) => em.map(entity, withoutTotal(result) as EntityDictionary<T>));
  const edges = page.map((node) => ({ node, cursor: encodeCursor(node[field], node.id) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: results.length > options.first,
      hasPreviousPage: Boolean(options.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A result without the count column, which is no column of the entity. */
function withoutTotal(result: Record<string, unknown>): Record<string, unknown> {
  const { [TOTAL]: _total, ...columns } = result;
  return columns;
}
