import type { EntityManager } from '@mikro-orm/postgresql';

// MikroORM's query builder walks a filter through its criteria nodes and knex writes the SQL: for a
// page of a list, that costs more CPU than sending the statement and reading its rows. Screens repeat
// the same lists, so a statement is kept by what it was built from and built again only for a new one.

/** A statement as the query builder writes it: SQL with a `?` for each of its bindings. */
export interface Statement {
  sql: string;
  bindings: readonly unknown[];
}

/** How many statements are kept per entity (of each ORM): the newest used. */
export const STATEMENTS_PER_ENTITY = 200;
/** Longer keys (a filter with thousands of ids) are not worth keeping. */
const MAX_KEY_LENGTH = 4096;

const kept = new WeakMap<object, Map<string, Statement>>();

/** What writes a statement: MikroORM's query builder. */
interface BuildsSql {
  getKnexQuery(): { toSQL(): { sql: string; bindings: readonly unknown[] } };
}

/** Whether `value` is JSON as it is: strings, finite numbers, booleans, null, arrays and plain objects only. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(isPlainJson);
}

/**
 * The key of what a statement is built from: its JSON when every part is plain JSON (for those, equal
 * JSON means the query builder writes the same SQL), undefined otherwise (a Date, a RegExp, an entity,
 * a raw fragment or an `undefined` somewhere): such a statement is built every time.
 */
export function statementKey(...parts: unknown[]): string | undefined {
  if (!isPlainJson(parts)) return undefined;
  const key = JSON.stringify(parts);
  return key.length <= MAX_KEY_LENGTH ? key : undefined;
}

/**
 * The statement `build` writes for `key` on an entity, by its metadata (`em.getMetadata().get(…)`: one per
 * entity of each ORM, whose schema its statements name): built the first time, then taken from the
 * statements kept (see {@link STATEMENTS_PER_ENTITY}); always built when `key` is undefined.
 */
export function statementFor(meta: object, key: string | undefined, build: () => BuildsSql): Statement {
  let statements = kept.get(meta);
  if (!statements) kept.set(meta, (statements = new Map()));
  const known = key === undefined ? undefined : statements.get(key);
  if (known) {
    // Newest used last: the first in the map is the one to drop.
    statements.delete(key!);
    statements.set(key!, known);
    return known;
  }
  const { sql, bindings } = build().getKnexQuery().toSQL();
  const statement = { sql, bindings };
  if (key !== undefined) {
    if (statements.size >= STATEMENTS_PER_ENTITY) statements.delete(statements.keys().next().value!);
    statements.set(key, statement);
  }
  return statement;
}

/** Runs a SELECT as the query builder would (the entity manager's transaction, if any): its rows, by column. */
export function runStatement(em: EntityManager, statement: Statement): Promise<Record<string, unknown>[]> {
  return em.getConnection().execute(statement.sql, [...statement.bindings], 'all', em.getTransactionContext());
}
