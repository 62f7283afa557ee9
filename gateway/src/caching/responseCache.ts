import type { ApolloServerPlugin, GraphQLRequestContext, HeaderMap } from '@apollo/server';
import { isPublic, Role, type Identity } from '@ioc-graph/platform';
import { OperationTypeNode } from 'graphql';
import { createHash } from 'node:crypto';
import type { GatewayContext } from '../context';
import { rightsKey } from '../sharedFetches';
import type { CacheStore, Changes, Kept } from './stores';

/** A kept answer: the result as the client got it (`data`, never `errors`) and its ETag. */
export interface Answer {
  result: Record<string, unknown>;
  etag: string;
}

/** Who gets kept answers: the public and partners pulling open data, each class of rights on its own. */
export type CacheAudience = 'public' | 'partner';

/** What happened to a request the cache could serve: served from it, read and kept, or read and not kept. */
export type CacheOutcome = 'hit' | 'miss' | 'stale';

export function cacheAudienceOf(identity: Identity): CacheAudience | null {
  if (isPublic(identity)) return 'public';
  if (identity.roles.length > 0 && identity.roles.every((role) => role === Role.PARTNER) && !identity.service) return 'partner';
  return null;
}

export interface ResponseCacheOptions {
  /** Where answers are kept; null: nothing is kept, answers only get their Cache-Control header. */
  store: CacheStore<Answer> | null;
  /** What changed since an answer was read. */
  changes: Changes;
  /** RESPONSE_CACHE_MAX_AGE_SECONDS: no answer is kept longer, whatever the hints say. */
  maxAgeSeconds: number;
  onOutcome?: (outcome: CacheOutcome) => void;
}

/**
 * The response cache of public and partner queries. An answer is kept for the smallest cache hint of the
 * subgraph answers it was made of (`@cacheHint`, sent by each subgraph as `cache-control: max-age`), at
 * most `maxAgeSeconds`, keyed on the operation, its variables and the caller's rights ({@link rightsKey}:
 * the public share answers, each partner has its own, staff have none kept). Every event on the bus makes
 * stale the answers read from the subgraph that wrote it, from the moment the gateway sees it ({@link Changes}).
 *
 * Headers: public answers `cache-control: public, no-cache` and an `ETag` (a browser or proxy may keep them
 * and must ask again; a GET with `If-None-Match` is answered 304 when nothing changed); partners' answers
 * the same but `private`; everything else `no-store`.
 */
export class ResponseCache {
  constructor(private readonly options: ResponseCacheOptions) {}

  plugin(): ApolloServerPlugin<GatewayContext> {
    const { store, changes, maxAgeSeconds, onOutcome } = this.options;
    return {
      requestDidStart: async ({ contextValue }) => {
        const audience = contextValue.eventRead || contextValue.frames ? null : cacheAudienceOf(contextValue.identity);
        let key: string | undefined;
        let seenSeq = 0;
        let served: Kept<Answer> | undefined;
        return {
          responseForOperation: async (request) => {
            if (!audience || !store || !request.queryHash || request.operation.operation !== OperationTypeNode.QUERY) return null;
            key = keyOf(request, contextValue.identity);
            seenSeq = changes.seen;
            const kept = await store.get(key);
            if (kept && changes.isFresh(kept)) {
              served = kept;
              onOutcome?.('hit');
              return { http: request.response.http, body: { kind: 'single', singleResult: { ...kept.value.result } } };
            }
            onOutcome?.(kept ? 'stale' : 'miss');
            contextValue.fetchedSubgraphs = new Set();
            return null;
          },
          willSendResponse: async ({ response, overallCachePolicy }) => {
            const headers = response.http.headers;
            if (served) return setValidators(headers, audience!, served.value.etag);
            const body = response.body;
            const policy = overallCachePolicy.policyIfCacheable();
            const fetched = contextValue.fetchedSubgraphs;
            if (
              !audience ||
              !policy ||
              body.kind !== 'single' ||
              body.singleResult.errors?.length ||
              !body.singleResult.data ||
              !fetched?.size
            ) {
              headers.set('cache-control', 'no-store');
              return;
            }
            const result = { data: body.singleResult.data };
            const json = JSON.stringify(result);
            const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
            setValidators(headers, audience, etag);
            if (!store || !key) return;
            const expiresAt = Date.now() + Math.min(policy.maxAge, maxAgeSeconds) * 1000;
            await store.set(key, { value: { result, etag }, subgraphs: [...fetched], seenSeq, expiresAt }, json.length);
          },
        };
      },
    };
  }
}

function keyOf(request: GraphQLRequestContext<GatewayContext>, identity: Identity): string {
  const { operationName, variables } = request.request;
  return createHash('sha256')
    .update(JSON.stringify([rightsKey(identity), request.queryHash, operationName ?? null, variables ?? null]))
    .digest('base64url');
}

function setValidators(headers: HeaderMap, audience: CacheAudience, etag: string) {
  headers.set('cache-control', `${audience === 'public' ? 'public' : 'private'}, no-cache`);
  headers.set('etag', etag);
}
