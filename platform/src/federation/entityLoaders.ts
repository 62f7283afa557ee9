import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeys, groupByKeys, type Loaders } from './loaders';

interface LoaderContext {
  em: EntityManager;
  loaders: Loaders;
}

type KeyOf<T> = keyof T & string;

const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value);

/**
 * A per-request DataLoader of `entity` by a unique column: every `load(key)` of one tick becomes a
 * single `WHERE field IN (...)`. The backbone of batched `__resolveReference` and to-one relations.
 */
export function loaderByUnique<T extends object>(ctx: LoaderContext, entity: EntityClass<T>, field: KeyOf<T>) {
  return ctx.loaders.get<string, T | null>(`${entity.name}:${field}`, async (keys) => {
    const rows = await ctx.em.find(entity, { [field]: { $in: [...keys] } } as FilterQuery<T>);
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
) {
  return ctx.loaders.get<string, T[]>(`${entity.name}:${field}[]`, async (keys) => {
    const rows = await ctx.em.find(entity, { [field]: { $in: [...keys] } } as FilterQuery<T>, { orderBy });
    return groupByKeys(keys, rows, (row) => String(idOf(row[field])));
  });
}
