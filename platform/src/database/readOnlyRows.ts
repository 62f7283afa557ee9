import {
  ReferenceKind,
  type EntityDictionary,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type FilterQuery,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { runStatement, statementFor, statementKey } from './statementCache';

// Read-only rows: what a read answers with when it only passes records on to GraphQL. A managed entity
// costs MikroORM a wrapper, accessors defined on the instance for change tracking, a snapshot and an
// identity-map entry, for it and for every reference it holds: for a page of rows, more CPU than the
// query itself (the directory's six fire trucks and their agency: 2.7 ms per operation with managed
// entities, 1.8 ms with rows).

/** Turns one query result, its columns mapped to property names, into a read-only row. */
export type RowMapper<T> = (mapped: Record<string, unknown>) => T;

const mappers = new WeakMap<EntityMetadata, RowMapper<object>>();

/** Thrown when a read-only row meets something that needs a managed entity. */
export class ReadOnlyRowError extends Error {}

function notManaged(meta: EntityMetadata, what: string): never {
  throw new ReadOnlyRowError(
    `A ${meta.className} read as a read-only row ${what}: load it with the entity manager (em.findOne) to change it or link to it`,
  );
}

/** How one column value becomes the property's value, as MikroORM's hydration does it. */
function converterOf(meta: EntityMetadata, prop: EntityProperty, em: EntityManager): (value: unknown) => unknown {
  const platform = em.getPlatform();
  if (prop.kind === ReferenceKind.SCALAR) {
    if (prop.embedded || prop.ref || prop.formula)
      throw new Error(`read-only rows of ${meta.className}: ${prop.name} is not a plain column`);
    const type = prop.customType;
    return type ? (value) => (value == null ? value : type.convertToJSValue(value, platform)) : (value) => value;
  }
  if (prop.fieldNames.length !== 1) throw new Error(`read-only rows of ${meta.className}: ${prop.name} has a composite key`);
  if (prop.mapToPk) return (value) => value;
  const [key] = prop.targetMeta!.primaryKeys;
  return (value) => (value == null ? null : { [key]: value });
}

/**
 * Read-only rows of `entity` from the results of a query on it (`execute('all', true)`: columns mapped to
 * property names). A row is an object of the entity's class (its methods, getters and `instanceof` work)
 * holding the entity's columns as a managed entity would (custom types, dates and booleans converted the
 * same way) and each to-one relation as `{ id }` (what `Ref#id` gives without loading), outside the
 * entity manager: no identity map, no change tracking. It must never be changed, flushed or handed to the
 * entity manager (as a relation's value or in a filter: pass its `id`); doing so throws a
 * {@link ReadOnlyRowError} naming the entity, as does reading a to-many collection, which is not read.
 * Built once per entity, from its metadata; an entity with embedded, formula or lazy-reference
 * properties or composite foreign keys is refused then.
 */
export function readOnlyRowMapper<T extends object>(em: EntityManager, entity: EntityName<T>): RowMapper<T> {
  const meta = em.getMetadata().get<T>(entity as EntityName<T>) as EntityMetadata;
  const known = mappers.get(meta);
  if (known) return known as RowMapper<T>;
  const columns: [string, (value: unknown) => unknown][] = [];
  const prototype = Object.create(meta.prototype, {
    // MikroORM reaches an entity's state through `__helper`: a read-only row has none to give.
    __helper: { get: () => notManaged(meta, 'is not managed') },
    // JSON (a log line, a cache) gets the columns, not MikroORM's serialisation of a managed entity.
    toJSON: {
      value: function (this: object) {
        return { ...this };
      },
    },
  });
  for (const prop of meta.props) {
    const column = prop.persist !== false && prop.fieldNames?.length && (prop.kind === ReferenceKind.SCALAR || prop.owner);
    if (column) columns.push([prop.name, converterOf(meta, prop, em)]);
    else if (prop.kind !== ReferenceKind.SCALAR) {
      Object.defineProperty(prototype, prop.name, { get: () => notManaged(meta, `has no ${prop.name} loaded`) });
    }
  }
  const mapper: RowMapper<object> = (mapped) => {
    const row: Record<string, unknown> = {};
    for (const [name, convert] of columns) if (mapped[name] !== undefined) row[name] = convert(mapped[name]);
    // Set after the values: the entity's prototype has MikroORM's change-tracking setters for them.
    return Object.setPrototypeOf(row, prototype);
  };
  mappers.set(meta, mapper);
  return mapper as RowMapper<T>;
}

export interface FindReadOnlyOptions<T> {
  orderBy?: QueryOrderMap<T>;
  limit?: number;
}

/**
 * `em.find` for reads that only answer: the rows of `entity` matching `where`, as read-only rows. The
 * statement is kept by filter, order and limit (see statementCache).
 */
export async function findReadOnly<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: FindReadOnlyOptions<T> = {},
): Promise<T[]> {
  const meta = em.getMetadata().get<T>(entity as EntityName<T>);
  const statement = statementFor(meta, statementKey(where, options.orderBy ?? null, options.limit ?? null), () => {
    const qb = em.createQueryBuilder(entity).select('*').where(where);
    if (options.orderBy) qb.orderBy(options.orderBy);
    if (options.limit !== undefined) qb.limit(options.limit);
    return qb;
  });
  return readOnlyRowsOf(em, entity, await runStatement(em, statement));
}

/** The statement of {@link findReadOnlyByKeys} for one entity, column and order: its keys go in its `?`. */
interface KeyedSelect {
  sql: string;
  convertKey: (key: unknown) => unknown;
}
const keyedSelects = new WeakMap<EntityMetadata, Map<string, KeyedSelect>>();

function keyedSelectOf(em: EntityManager, meta: EntityMetadata, field: string, orderBy: Record<string, string>): KeyedSelect {
  const key = `${field} ${JSON.stringify(orderBy)}`;
  let selects = keyedSelects.get(meta);
  if (!selects) keyedSelects.set(meta, (selects = new Map()));
  const known = selects.get(key);
  if (known) return known;
  const platform = em.getPlatform();
  const columnOf = (name: string) => {
    const prop = meta.properties[name as keyof typeof meta.properties] as EntityProperty | undefined;
    if (prop?.fieldNames?.length !== 1) throw new Error(`read-only rows of ${meta.className}: ${name} is not one column`);
    return prop;
  };
  const prop = columnOf(field);
  const order = Object.entries(orderBy).map(([name, direction]) => {
    if (!/^(asc|desc)$/i.test(direction)) throw new Error(`read-only rows of ${meta.className}: no order ${direction} of ${name}`);
    return `${platform.quoteIdentifier(columnOf(name).fieldNames[0])} ${direction.toLowerCase()}`;
  });
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  const table = platform.quoteIdentifier(schema ? `${schema}.${meta.tableName}` : meta.tableName);
  const type = prop.customType;
  const select = {
    sql: `select * from ${table} where ${platform.quoteIdentifier(prop.fieldNames[0])} in (?)${order.length ? ` order by ${order.join(', ')}` : ''}`,
    convertKey: type ? (value: unknown) => type.convertToDatabaseValue(value, platform) : (value: unknown) => value,
  };
  selects.set(key, select);
  return select;
}

/**
 * The rows of `entity` whose column `field` (a scalar or a to-one relation) holds one of `keys`, as
 * read-only rows, ordered by `orderBy` (properties and `ASC`/`DESC`) if given: what a loader asks for,
 * in one plain statement written once per entity, column and order (`select * … where "column" in (…)`)
 * instead of a query built from a filter each time.
 */
export async function findReadOnlyByKeys<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  field: keyof T & string,
  keys: readonly unknown[],
  orderBy: Partial<Record<keyof T & string, 'ASC' | 'DESC' | 'asc' | 'desc'>> = {},
): Promise<T[]> {
  if (!keys.length) return [];
  const meta = em.getMetadata().get<T>(entity as EntityName<T>) as EntityMetadata;
  const select = keyedSelectOf(em, meta, field, orderBy as Record<string, string>);
  const results = await em.getConnection().execute(select.sql, [keys.map(select.convertKey)], 'all', em.getTransactionContext());
  return readOnlyRowsOf(em, entity, results);
}

/** Read-only rows of `entity` from the rows of a statement on its table, by column name (as PostgreSQL sends them). */
export function readOnlyRowsOf<T extends object>(em: EntityManager, entity: EntityName<T>, results: Record<string, unknown>[]): T[] {
  const meta = em.getMetadata().get<T>(entity as EntityName<T>);
  const toRow = readOnlyRowMapper(em, entity);
  return results.map((result) => toRow(em.getDriver().mapResult(result as EntityDictionary<T>, meta) as Record<string, unknown>));
}
