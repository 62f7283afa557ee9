import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createHash } from 'node:crypto';
import type { GatewayContext } from '../context';
import { rightsKey } from '../sharedFetches';
import type { CacheStore, Changes } from './stores';

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
type Response = Awaited<ReturnType<import('@apollo/gateway').RemoteGraphQLDataSource['process']>>;

/** A subgraph's answer and how long it may be kept (its `cache-control: max-age`; 0: not at all). */
export interface Fetched {
  response: Response;
  maxAge: number;
}

/** What the entity cache did with the entities of one fetch. */
export type EntityOutcome = 'hit' | 'miss' | 'stale';

export interface EntityCacheOptions {
  /** Where entities are kept, as JSON: each caller gets a copy of its own to merge into its answer. */
  store: CacheStore<string>;
  changes: Changes;
  /** CACHE_MAX_AGE_SECONDS: no entity is kept longer, whatever the subgraph's hint. */
  maxAgeSeconds: number;
  onOutcome?: (outcome: EntityOutcome, entities: number) => void;
}

/**
 * Entities a subgraph answers by reference (`_entities`: the directory's units and agencies, read for every
 * incident, alert and picture that names one), kept one by one for the subgraph's cache hint: the next
 * fetch asks the subgraph only for those it does not hold, and none at all when it holds them all. Keyed on
 * the caller's rights ({@link rightsKey}), the fields asked for (the fetch's query) and the representation;
 * an event of the subgraph makes them stale ({@link Changes}). A fetch with an error, or an answer without
 * a hint, keeps nothing; when part of a fetch came from the cache and the rest failed, the whole fetch is
 * sent again as planned, so that the errors are the subgraph's own, at their places.
 */
export class EntityCache {
  constructor(
    private readonly subgraph: string,
    private readonly options: EntityCacheOptions,
  ) {}

  async run(options: Options, send: (options: Options) => Promise<Fetched>): Promise<Fetched> {
    const identity = 'identity' in options.context ? options.context.identity : undefined;
    const { query, variables } = options.request;
    const representations = variables?.representations as unknown[] | undefined;
    if (
      !identity ||
      !query ||
      !Array.isArray(representations) ||
      !representations.length ||
      !/^\s*query\b[^{]*\{\s*_entities\(/.test(query)
    ) {
      return send(options);
    }
    const { store, changes, maxAgeSeconds, onOutcome } = this.options;
    const rights = rightsKey(identity);
    const keys = representations.map((representation) =>
      createHash('sha256')
        .update(JSON.stringify([rights, query, representation]))
        .digest('base64url'),
    );
    const now = Date.now();
    const kept = await Promise.all(keys.map((key) => store.get(key)));
    const fresh = kept.map((entry) => (entry && changes.isFresh(entry, now) ? entry : undefined));
    const missing = fresh.flatMap((entry, i) => (entry ? [] : [i]));
    const hits = representations.length - missing.length;
    const stale = kept.filter((entry, i) => entry && !fresh[i]).length;
    if (hits) onOutcome?.('hit', hits);
    if (stale) onOutcome?.('stale', stale);
    if (missing.length - stale) onOutcome?.('miss', missing.length - stale);
    // Seconds the kept entities may still be served: the answer made with them may be kept no longer.
    const keptFor = Math.floor(Math.min(...fresh.map((entry) => (entry ? (entry.expiresAt - now) / 1000 : Infinity))));
    const entityAt = (i: number) => JSON.parse(fresh[i]!.value) as unknown;
    if (!missing.length) return { response: { data: { _entities: representations.map((_, i) => entityAt(i)) } }, maxAge: keptFor };

    const seenSeq = changes.seen;
    const partial = missing.length < representations.length;
    const asked = partial
      ? {
          ...options,
          request: { ...options.request, variables: { ...variables, representations: missing.map((i) => representations[i]) } },
        }
      : options;
    const fetched = await send(asked);
    const entities = (fetched.response.data as { _entities?: unknown } | undefined)?._entities;
    if (fetched.response.errors?.length || !Array.isArray(entities) || entities.length !== missing.length) {
      return partial ? send(options) : fetched;
    }
    const maxAge = Math.min(fetched.maxAge, maxAgeSeconds);
    if (maxAge > 0) {
      const expiresAt = Date.now() + maxAge * 1000;
      await Promise.all(
        missing.map((i, j) => {
          if (entities[j] === null || entities[j] === undefined) return undefined;
          const json = JSON.stringify(entities[j]);
          return store.set(keys[i], { value: json, subgraphs: [this.subgraph], seenSeq, expiresAt }, json.length);
        }),
      );
    }
    if (!partial) return fetched;
    const merged = new Array<unknown>(representations.length);
    missing.forEach((i, j) => (merged[i] = entities[j]));
    for (let i = 0; i < merged.length; i++) if (fresh[i]) merged[i] = entityAt(i);
    const data = fetched.response.data as Record<string, unknown>;
    return { response: { ...fetched.response, data: { ...data, _entities: merged } }, maxAge: Math.min(fetched.maxAge, keptFor) };
  }
}
