import { escapeLike, foldVietnamese, type SubgraphContext } from '@ioc-graph/platform';

export type DirectoryContext = SubgraphContext;

/**
 * How the directory's loaders and lists read: as read-only rows, not managed entities (see
 * readOnlyRowMapper). What they read is answered, or read for its id, path or agency; every change
 * loads its own record in its transaction (mutations.ts) and links to others by id.
 */
export const READ_ONLY = { readOnly: true } as const;

/** The text stored in `searchText`: names and code folded, so search ignores diacritics and case. */
export const searchTextOf = (...parts: (string | null | undefined)[]) => foldVietnamese(parts.filter(Boolean).join(' '));

/** A filter matching every word of the query somewhere in `searchText` ("dong xoai" finds "Đồng Xoài"). */
export function searchFilter(query: string | null | undefined): { $and: { searchText: { $like: string } }[] } | Record<string, never> {
  const words = query ? foldVietnamese(query).split(' ').filter(Boolean) : [];
  return words.length ? { $and: words.map((word) => ({ searchText: { $like: `%${escapeLike(word)}%` } })) } : {};
}

/** A plain snapshot of the given fields (relations as ids), for the audit trail. */
export function snapshot<T extends object>(entity: T, fields: (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = entity[field] as unknown;
      return [field, value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value];
    }),
  );
}
