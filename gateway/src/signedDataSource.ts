import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { encodeIdentity, GATEWAY_HEADERS, PUBLIC, signEncodedRequest } from '@ioc-graph/platform';
import type { GatewayContext } from './context';

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
   */
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
    // The body is serialised after willSendRequest, inside RemoteGraphQLDataSource: the fetcher is the
    // first place that sees the exact bytes that go out, so the signature over them is made there.
    const send = this.fetcher;
    this.fetcher = (target, init = {}) => {
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
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loads have no request context; they go out as the anonymous public.
    const identity = 'identity' in context && context.identity ? context.identity : PUBLIC;
    const requestId = 'requestId' in context && context.requestId ? context.requestId : 'gateway';
    request.http?.headers.set(GATEWAY_HEADERS.identity, encodeIdentity(identity));
    request.http?.headers.set(GATEWAY_HEADERS.requestId, requestId);
  }
}
