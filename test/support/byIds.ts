import type { GraphQLResponse } from './hub';

/** What a by-id field (`alert(id)`, `incident(id)`…) gives one caller for each of `ids`. */
export interface ReadOneByOne {
  /** The ids it returned a record for, lower-cased, in the order asked. */
  readable: string[];
  /** The `extensions.code` of the first error of each id it refused or did not find, in the order asked. */
  refused: (string | undefined)[];
}

/**
 * Asks a by-id field for each id in turn, as the list's `ids` filter must agree with it: a record it
 * returns is in the list, one it refuses (FORBIDDEN, NOT_FOUND) or answers null for is not.
 */
export async function readOneByOne(
  ids: string[],
  one: (id: string) => Promise<GraphQLResponse<Record<string, { id: string } | null>>>,
): Promise<ReadOneByOne> {
  const result: ReadOneByOne = { readable: [], refused: [] };
  for (const id of ids) {
    const response = await one(id);
    const record = response.data ? Object.values(response.data)[0] : null;
    if (response.errors?.length) result.refused.push(response.errors[0].extensions?.code);
    else if (record) result.readable.push(record.id.toLowerCase());
    else result.refused.push(undefined);
  }
  return result;
}

/**
 * The nodes as a keyset-paginated list orders them, newest first: by `key` (an ISO date) descending, then
 * by id descending (see platform's paginate).
 */
export function newestFirst<T extends { id: string }>(nodes: T[], key: (node: T) => string): T[] {
  const time = (node: T) => Date.parse(key(node));
  return [...nodes].sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** 101 well-formed ids: one more than an `ids` filter takes. */
export const tooManyIds = (): string[] => Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

/** A connection as the lists return it, keyed by the list's field name. */
type ListResponse<N> = GraphQLResponse<Record<string, { totalCount: number; edges: { node: N }[] }>>;

/**
 * Reads `asked` through a list's `ids` filter and through its by-id field, as one caller, and expects them
 * to agree: the list holds exactly the records the by-id field returns, in the list's order (newest first
 * by `key`), and when the caller may not read the list at all it is refused with the by-id field's code.
 * Returns the list's ids in order (empty when refused) and its error codes.
 */
export async function expectListAgreesWithById<N extends { id: string }>(options: {
  asked: string[];
  one: (id: string) => Promise<GraphQLResponse<Record<string, { id: string } | null>>>;
  list: (ids: string[]) => Promise<ListResponse<N>>;
  key: (node: N) => string;
}): Promise<{ ids: string[]; codes: (string | undefined)[] }> {
  const byId = await readOneByOne(options.asked, options.one);
  const response = await options.list(options.asked);
  if (response.errors?.length) {
    expect(byId.readable).toEqual([]);
    const refusedWith = response.errors.map((e) => e.extensions?.code);
    expect(byId.refused).toEqual(options.asked.map(() => refusedWith[0]));
    return { ids: [], codes: refusedWith };
  }
  const page = Object.values(response.data!)[0];
  const nodes = page.edges.map((edge) => edge.node);
  expect(nodes.map((node) => node.id).sort()).toEqual([...byId.readable].sort());
  expect(nodes).toEqual(newestFirst(nodes, options.key));
  expect(page.totalCount).toBe(nodes.length);
  return { ids: nodes.map((node) => node.id), codes: [] };
}
