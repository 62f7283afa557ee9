import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  encodeIdentity,
  GATEWAY_HEADERS,
  injectTraceContext,
  PUBLIC,
  signEncodedRequest,
  withClientSpan,
  type Identity,
} from '@ioc-graph/platform';
import { SpanStatusCode } from '@opentelemetry/api';
import { parse, type GraphQLError } from 'graphql';
import type { Agent } from 'undici';
import type { EntityCache, Fetched } from './caching/entityCache';
import type { GatewayContext } from './context';
import { SharedFetches } from './sharedFetches';
import type { SubgraphBreaker } from './subgraphBreaker';
import { fetchThrough, isQueryOperation, retryingQueries, withDeadline, type Fetcher } from './subgraphFetch';
import { failureOf, missingFieldPath, SubgraphStatusError, subgraphResponseError, subgraphUnavailable } from './subgraphErrors';

type Response = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** The max-age of a subgraph's `cache-control` header (see the subgraphs' `@cacheHint`); 0 without one. */
export function maxAgeOf(cacheControl: string | null | undefined): number {
  if (!cacheControl || /no-store|no-cache/.test(cacheControl)) return 0;
  const match = /(?:^|[,\s])max-age=(\d+)/.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

/** How the data source reaches its subgraph. */
export interface SubgraphConnection {
  /** The keep-alive pool shared by the subgraph requests ({@link createSubgraphAgent}). */
  agent: Agent;
  /** SUBGRAPH_TIMEOUT_MS: how long a request, its one retry and the reading of its answer may take together. */
  timeoutMs: number;
  /** The subgraph's circuit breaker; without one, every request goes out. */
  breaker?: SubgraphBreaker;
  /** Called when a query is sent again after its connection broke, with the request id it carries. */
  onRetry?: (error: unknown, requestId: string | undefined) => void;
  /** Let identical queries in flight at once share one request (SUBGRAPH_DEDUPLICATION; see {@link SharedFetches}). */
  deduplicate?: boolean;
  /** Called when a query joins an identical one in flight instead of going out. */
  onShared?: () => void;
  /** Keeps the entities this subgraph answers by reference (see {@link EntityCache}). */
  entityCache?: EntityCache;
}

/**
 * Sends each subgraph request with the caller's identity and request id, signed with the secret the
 * gateway shares with the subgraphs, for this subgraph and this body only. Subgraphs refuse anything
 * unsigned. A subgraph that does not answer in time, cannot be reached, drops the connection or fails
 * (5xx) costs only its part of the answer: that part is null with one SUBGRAPH_UNAVAILABLE error naming
 * the service, and its circuit breaker counts the failure. Identical queries of callers with the same
 * rights in flight at once share one request ({@link SharedFetches}).
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly breaker: SubgraphBreaker | undefined;
  private readonly shared: SharedFetches<Fetched> | null;
  private readonly entities: EntityCache | undefined;

  /**
   * @param subgraph the subgraph's name in the supergraph (and subgraphs/registry.json)
   * @param url where it listens
   * @param secret GATEWAY_SHARED_SECRET
   */
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
    connection: SubgraphConnection,
  ) {
    super({ url });
    this.breaker = connection.breaker;
    this.entities = connection.entityCache;
    // Each caller's cache policy is restricted in process(), also for callers that shared the request.
    this.honorSubgraphCacheControlHeader = false;
    this.shared =
      connection.deduplicate === false
        ? null
        : new SharedFetches<Fetched>(connection.onShared, ({ response, maxAge }) => ({
            response: { ...response, http: undefined },
            maxAge,
          }));
    const send = fetchThrough(connection.agent);
    // The body is serialised after willSendRequest, inside RemoteGraphQLDataSource: the fetcher is the
    // first place that sees the exact bytes that go out, so the signature over them is made there. A
    // retried query is signed again: the retry wraps the signing.
    const signed: Fetcher = (target, init = {}) => {
      const headers = {
        [GATEWAY_HEADERS.identity]: encodeIdentity(PUBLIC),
        [GATEWAY_HEADERS.requestId]: 'gateway',
        ...init.headers,
      };
      const signature = signEncodedRequest(this.secret, headers[GATEWAY_HEADERS.identity], {
        subgraph: this.subgraph,
        body: init.body ?? '',
        requestId: headers[GATEWAY_HEADERS.requestId],
      });
      return send(target, { ...init, headers: { ...headers, ...signature } });
    };
    const onRetry = (error: unknown, init?: { headers?: Record<string, string> }) =>
      connection.onRetry?.(error, init?.headers?.[GATEWAY_HEADERS.requestId]);
    this.fetcher = withDeadline(retryingQueries(signed, onRetry), connection.timeoutMs);
  }

  /**
   * Traced as a CLIENT span `subgraph <name>` (when tracing is on), whose context goes to the subgraph in
   * `traceparent`: `ioc_graph.shared` says whether the request joined an identical one in flight instead
   * of going out, `ioc_graph.cached` whether the entity cache answered it all, and an unavailable subgraph
   * marks it ERROR.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    const policy = 'incomingRequestContext' in options ? options.incomingRequestContext.overallCachePolicy : undefined;
    if ('context' in options && options.context.fetchedSubgraphs) options.context.fetchedSubgraphs.add(this.subgraph);
    return withClientSpan(`subgraph ${this.subgraph}`, { 'ioc_graph.subgraph': this.subgraph }, async (span) => {
      // Asked: a request was due (not every entity came from the entity cache); sent: it went out (not shared).
      let [asked, sent] = [false, false];
      const send = (request: GraphQLDataSourceProcessOptions<GatewayContext>) => {
        asked = true;
        return this.fetch(request, () => (sent = true));
      };
      try {
        const { response, maxAge } = await (this.entities ? this.entities.run(options, send) : send(options));
        policy?.restrict({ maxAge });
        span?.setAttribute('ioc_graph.shared', asked && !sent);
        span?.setAttribute('ioc_graph.cached', !asked);
        if (response.http?.status !== undefined) span?.setAttribute('http.response.status_code', response.http.status);
        return response;
      } catch (error) {
        policy?.restrict({ maxAge: 0 });
        const failure = failureOf(error);
        if (!failure) throw error;
        const { query, operationName } = options.request;
        const document = ('document' in options && options.document) || parseOrUndefined(query);
        // Returned as the subgraph's own error would be, the gateway places it at the missing field
        // (`_entities`' index mapped to the entity's path in the answer) and nulls that part only.
        const unavailable = subgraphUnavailable(this.subgraph, failure, { mutation: !isQueryOperation(query, operationName) });
        span?.setStatus({ code: SpanStatusCode.ERROR, message: unavailable.message });
        return { errors: [{ ...unavailable, path: document ? missingFieldPath(document) : undefined }] };
      }
    });
  }

  /** The request as planned (or with fewer entities), shared with identical ones in flight, through the breaker. */
  private fetch(options: GraphQLDataSourceProcessOptions<GatewayContext>, onSent: () => void): Promise<Fetched> {
    const send = async (): Promise<Fetched> => {
      onSent();
      const response = await (this.breaker ? this.breaker.run(() => super.process(options)) : super.process(options));
      return { response, maxAge: maxAgeOf(response.http?.headers.get('cache-control')) };
    };
    return this.shared ? this.shared.run(options, send) : send();
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loads have no request context; they go out as the anonymous public.
    const identity = 'identity' in context && context.identity ? context.identity : PUBLIC;
    const requestId = 'requestId' in context && context.requestId ? context.requestId : 'gateway';
    request.http?.headers.set(GATEWAY_HEADERS.identity, encodedIdentityOf(identity));
    request.http?.headers.set(GATEWAY_HEADERS.requestId, requestId);
    // Outside the signed headers: the trace context changes no one's rights.
    if (request.http) injectTraceContext(request.http.headers);
  }

  /**
   * A 5xx is a failure of the subgraph (thrown, for the breaker to count and {@link process} to answer); a
   * subgraph's request error reaches the client as the subgraph gave it, without the subgraph's URL (see
   * subgraphResponseError).
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response).catch(() => undefined);
    if (response.status >= 500) throw new SubgraphStatusError(response.status);
    return subgraphResponseError(this.subgraph, response.status, body);
  }
}

/** Each request's identity, encoded once for all its subgraph fetches (the signature stays per fetch: it covers the body). */
const encodedIdentities = new WeakMap<Identity, string>();
function encodedIdentityOf(identity: Identity): string {
  let encoded = encodedIdentities.get(identity);
  if (encoded === undefined) encodedIdentities.set(identity, (encoded = encodeIdentity(identity)));
  return encoded;
}

function parseOrUndefined(query: string | undefined) {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}
