import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signGatewayHeaders } from '@ioc-graph/platform';
import type { GatewayContext } from './context';

/**
 * Sends each subgraph request with the caller's identity and request id, signed with the secret the
 * gateway shares with the subgraphs. Subgraphs refuse anything unsigned.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loads have no request context; they go out as the anonymous public.
    const identity = 'identity' in context && context.identity ? context.identity : undefined;
    const requestId = 'requestId' in context && context.requestId ? context.requestId : 'gateway';
    const headers = signGatewayHeaders(
      this.secret,
      identity ?? { subject: null, roles: [], agencyId: null, fieldUnitId: null, scopeUnitId: null },
      requestId,
    );
    for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
  }
}
