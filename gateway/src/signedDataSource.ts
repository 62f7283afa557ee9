import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { encodeIdentity, GATEWAY_HEADERS, PUBLIC, signEncodedRequest } from '@ioc-graph/platform';
import type { GraphQLError } from 'graphql';
import type { Agent } from 'node:http';
import type { GatewayContext } from './context';
import { retryingQueries, throughAgent, type Fetcher } from './subgraphFetch';
import { subgraphResponseError } from './subgraphErrors';

/**
 * Sends each subgraph request with the caller's identity and request id, signed with the secret the
 * gateway shares with the subgraphs, for this subgraph and this body only. Subgraphs refuse anything
 * unsigned.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * @param subgraph the subgraph's name in the supergraph (and subgraphs/registry.json)
   * @param url where it listens
   * @param secret GATEWAY_SHARED_SECRET
   * @param connection the keep-alive agent shared by the subgraph requests ({@link createSubgraphAgent}), and
   *   what to do when a query is sent again after its connection broke
   */
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
    connection: { agent: Agent; onRetry?: (error: unknown) => void },
  ) {
    super({ url });
    const send = throughAgent(this.fetcher, connection.agent);
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
    this.fetcher = retryingQueries(signed, connection.onRetry);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loads have no request context; they go out as the anonymous public.
    const identity = 'identity' in context && context.identity ? context.identity : PUBLIC;
    const requestId = 'requestId' in context && context.requestId ? context.requestId : 'gateway';
    request.http?.headers.set(GATEWAY_HEADERS.identity, encodeIdentity(identity));
    request.http?.headers.set(GATEWAY_HEADERS.requestId, requestId);
  }

  /** A subgraph's request error reaches the client as the subgraph gave it, without the subgraph's URL (see subgraphResponseError). */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response).catch(() => undefined);
    return subgraphResponseError(this.subgraph, response.status, body);
  }
}
