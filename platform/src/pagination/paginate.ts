import type { EntityDictionary, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readOnlyRowMapper } from '../database/readOnlyRows';
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
  // Counted after the filter is set: a filter through a to-many relation joins it, and ids are then counted once.
  const count = em.createQueryBuilder(entity, 'counted').where(where);
  count.count();
  const results = (await em
    .createQueryBuilder(entity)
    .select(['*', count.as(TOTAL)])
    .where(filter)
    .orderBy({ [field]: direction, id: direction } as QueryOrderMap<T>)
    .limit(options.first + 1)
    .execute('all', Boolean(options.readOnly))) as Record<string, unknown>[];
  const totalCount = results.length ? Number(results[0][TOTAL]) : options.after ? await em.count(entity, where) : 0;
  const toNode = options.readOnly
    ? readOnlyRowMapper(em, entity)
    : (result: Record<string, unknown>) => em.map(entity, withoutTotal(result) as EntityDictionary<T>);
  const page = results.slice(0, options.first).map(toNode);
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
