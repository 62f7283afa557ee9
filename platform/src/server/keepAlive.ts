import type { Server } from 'node:http';

/**
 * Keeps an idle keep-alive connection open for `timeoutMs` (Node's default is 5 s). A client may reuse
 * an idle socket just as the server closes it, and then gets ECONNRESET: the rule that prevents it is
 * that every client (the gateway's agent, a proxy in front of the gateway) closes idle sockets itself,
 * sooner than the server does. `headersTimeout` is kept above it, as Node's documentation advises.
 */
export function applyKeepAliveTimeout(server: Server, timeoutMs: number): void {
  server.keepAliveTimeout = timeoutMs;
  server.headersTimeout = Math.max(server.headersTimeout, timeoutMs + 1_000);
}
