import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findReadOnlyByKeys } from '../database/readOnlyRows';
import { byKeys, groupByKeys, type Loaders } from './loaders';

interface LoaderContext {
  em: EntityManager;
  loaders: Loaders;
}

export interface EntityLoaderOptions {
  /**
   * Load read-only rows (see `readOnlyRowMapper`) instead of managed entities: for loaders whose rows
   * are only answered or read (fields, relation ids), never changed or handed to the entity manager.
   * Kept apart from the managed loader of the same entity and field.
   * @default false
   */
  readOnly?: boolean;
}

type KeyOf<T> = keyof T & string;

const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value);

/** The rows whose `field` holds one of `keys`: managed entities by `em.find`, or read-only rows by one plain statement. */
function findByKeys<T extends object>(
  ctx: LoaderContext,
  entity: EntityClass<T>,
  field: KeyOf<T>,
  keys: readonly string[],
  options: EntityLoaderOptions,
  orderBy?: QueryOrderMap<T>,
): Promise<T[]> {
  if (options.readOnly) return findReadOnlyByKeys(ctx.em, entity, field, keys, orderBy as Record<KeyOf<T>, 'ASC' | 'DESC'> | undefined);
  return ctx.em.find(entity, { [field]: { $in: [...keys] } } as FilterQuery<T>, { orderBy });
}

/**
 * A per-request DataLoader of `entity` by a unique column: every `load(key)` of one tick becomes a
 * single `WHERE field IN (...)`. The backbone of batched `__resolveReference` and to-one relations.
 */
export function loaderByUnique<T extends object>(
  ctx: LoaderContext,
  entity: EntityClass<T>,
  field: KeyOf<T>,
  options: EntityLoaderOptions = {},
) {
  return ctx.loaders.get<string, T | null>(`${entity.name}:${field}${options.readOnly ? ':rows' : ''}`, async (keys) => {
    const rows = await findByKeys(ctx, entity, field, keys, options);
    return byKeys(keys, rows, (row) => String(row[field]));
  });
}

/**
 * A per-request DataLoader of the `entity` rows whose foreign key `field` points at each key: one
 * query for the lists of all parents in the request (children, an agency's units…).
 */
export function loaderByForeignKey<T extends object>(
  ctx: LoaderContext,
  entity: EntityClass<T>,
  field: KeyOf<T>,
  orderBy: QueryOrderMap<T>,
  options: EntityLoaderOptions = {},
) {
  return ctx.loaders.get<string, T[]>(`${entity.name}:${field}[]${options.readOnly ? ':rows' : ''}`, async (keys) => {
    const rows = await findByKeys(ctx, entity, field, keys, options, orderBy);
    return groupByKeys(keys, rows, (row) => String(idOf(row[field])));
  });
}
