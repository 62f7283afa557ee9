import { ErrorCode, type Identity } from '@ioc-graph/platform';
import { GraphQLError, print, type DocumentNode } from 'graphql';
import { audienceOf } from '../operationLimits';
import { readManifest, sha256 } from './manifest';

/**
 * `off`: no manifest (Apollo's automatic persisted queries only); `allow`: the manifest's operations may
 * also be run by id, anything else still runs; `safelist`: callers without a staff token (the public,
 * partners) may run only the manifest's operations, as Apollo Router's safelist does.
 */
export type PersistedOperationsMode = 'off' | 'allow' | 'safelist';
export const PERSISTED_OPERATIONS_MODES: readonly PersistedOperationsMode[] = ['off', 'allow', 'safelist'];

export interface PersistedOperationsOptions {
  mode: PersistedOperationsMode;
  /** The manifest written by `npm run generate` (not read with `off`). */
  manifestPath: string;
}

/** What a client sends that may name a persisted operation (an HTTP body or a graphql-ws `subscribe` payload). */
export interface PersistedRequest {
  query?: string;
  extensions?: Record<string, unknown> | null;
  /** The GraphQL-over-HTTP persisted documents proposal's field: `sha256:<hex>` or the bare hex digest. */
  documentId?: unknown;
}

export interface PersistedOperations {
  readonly mode: PersistedOperationsMode;
  /**
   * The query text to run: the manifest's body when the request names a listed id without a query, the
   * query itself otherwise; `undefined` leaves an unknown APQ hash to Apollo's own cache (it answers
   * PERSISTED_QUERY_NOT_FOUND). Throws BAD_REQUEST (400) for a malformed id or one that is not the
   * query's hash, and PERSISTED_QUERY_NOT_FOUND (404) for an id the caller cannot run.
   */
  resolve(request: PersistedRequest, identity: Identity): string | undefined;
  /** Throws FORBIDDEN (403) when the caller may not run this document (`safelist`, no staff token, not listed). */
  admit(identity: Identity, source: string, document: DocumentNode): void;
}

const HASH = /^[0-9a-f]{64}$/;

const requestError = (message: string, code: ErrorCode, status: number) =>
  new GraphQLError(message, { extensions: { code, http: { status } } });
const badRequest = (message: string) => requestError(message, ErrorCode.BAD_REQUEST, 400);
/** Apollo's message and code, which Apollo Client's persisted-query link answers by sending the full query. */
export const persistedQueryNotFound = () => requestError('PersistedQueryNotFound', ErrorCode.PERSISTED_QUERY_NOT_FOUND, 404);

/** The id a request names, or `undefined`; throws BAD_REQUEST when it names one malformed. */
function idOf(request: PersistedRequest): { id: string; apq: boolean } | undefined {
  const persisted = request.extensions?.persistedQuery;
  const hasPersisted = persisted !== undefined && persisted !== null;
  if (request.documentId !== undefined && request.documentId !== null) {
    if (hasPersisted) throw badRequest('Send either documentId or extensions.persistedQuery, not both');
    const match = typeof request.documentId === 'string' ? /^(?:sha256:)?([0-9a-f]{64})$/.exec(request.documentId) : null;
    if (!match) throw badRequest('documentId must be "sha256:" followed by the 64 lower-case hex digits of a SHA-256');
    return { id: match[1], apq: false };
  }
  if (!hasPersisted) return undefined;
  const { version, sha256Hash } = (typeof persisted === 'object' ? persisted : {}) as Record<string, unknown>;
  if (version !== 1) throw badRequest('extensions.persistedQuery must be { "version": 1, "sha256Hash": "<hex>" }');
  if (typeof sha256Hash !== 'string' || !HASH.test(sha256Hash)) {
    throw badRequest('extensions.persistedQuery.sha256Hash must be the 64 lower-case hex digits of a SHA-256');
  }
  return { id: sha256Hash, apq: true };
}

/** The persisted-operation rules of one gateway, over its manifest (read once, at start). */
export function createPersistedOperations(options: PersistedOperationsOptions): PersistedOperations {
  const operations = options.mode === 'off' ? new Map<string, string>() : readManifest(options.manifestPath);
  const restricted = (identity: Identity) => options.mode === 'safelist' && audienceOf(identity) === 'public';
  return {
    mode: options.mode,
    resolve(request, identity) {
      const named = idOf(request);
      if (!named) return request.query;
      if (request.query !== undefined && request.query !== '') {
        if (sha256(request.query) !== named.id) throw badRequest('The persisted query id is not the SHA-256 of the query sent with it');
        return request.query;
      }
      const body = operations.get(named.id);
      if (body !== undefined) return body;
      // An APQ hash not in the manifest may be in Apollo's cache, registered earlier, unless the caller may run only the manifest.
      if (named.apq && !restricted(identity)) return undefined;
      throw persistedQueryNotFound();
    },
    admit(identity, source, document) {
      if (!restricted(identity) || operations.has(sha256(source)) || operations.has(sha256(print(document)))) return;
      throw requestError(
        "Without a staff token only the hub's persisted operations may be run: send one by its id (extensions.persistedQuery.sha256Hash or documentId)",
        ErrorCode.FORBIDDEN,
        403,
      );
    },
  };
}
