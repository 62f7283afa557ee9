import { ErrorCode, PUBLIC, type Identity, type Logger, type TokenVerifier } from '@ioc-graph/platform';
import { GraphQLError } from 'graphql';
import type { FrameSink } from './subscriptions/fanout';

/** What the gateway knows of one request: who calls, and the id that follows it into the subgraphs. */
export interface GatewayContext {
  identity: Identity;
  requestId: string;
  logger: Logger;
  /**
   * Set by the gateway for the entity reads of subscription deliveries, never from a request: the
   * subscriber's operation was checked (limits, persisted operations) when it subscribed; the reads
   * made for it batch many events and are the gateway's own.
   */
  eventRead?: boolean;
  /** Set by the response cache for a request whose answer it may keep: the subgraphs the answer was read from. */
  fetchedSubgraphs?: Set<string>;
  /** Over WebSocket, for a subscription: where the fan-out writes its `next` messages. */
  frames?: FrameSink;
}

/**
 * Reads `Authorization: Bearer <token>` (or, over WebSocket, the `authorization` connection parameter).
 * No token is the public; a bad or expired token is UNAUTHENTICATED with HTTP 401, never the public.
 */
export async function identify(authorization: unknown, verify: TokenVerifier): Promise<Identity> {
  if (authorization === undefined || authorization === null || authorization === '') return PUBLIC;
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  try {
    if (!match) throw new Error('malformed');
    return await verify(match[1]);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The Authorization header must be "Bearer <token>"';
    throw new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}
