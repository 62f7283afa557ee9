#!/usr/bin/env node
// Hive Gateway (@graphql-hive/gateway) in front of the hub's subgraphs, for bench:gateway to compare with
// ours: `node bench/hiveGateway.js` with the environment our gateway gets (PORT, HOST, SUBGRAPH_<NAME>_URL,
// JWT_*, GATEWAY_SHARED_SECRET: read by the same readGatewayConfig) and HIVE_PLANNER=js (its default
// query planner, the default here) or rust (Hive Router's, from @graphql-hive/router-runtime). It serves
// the same supergraph (SUPERGRAPH_PATH, schema/supergraph.graphql) with each subgraph at the URL the
// environment gives, on node:http, with Hive's defaults otherwise. `/readyz` answers 200 once the
// supergraph is loaded.
//
// What our gateway does on every request, Hive does here through a plugin, with our code: the caller's
// bearer token is verified by the same verifier (`identify`, UNAUTHENTICATED with 401 for a bad one, the
// public without one), and every subgraph request carries the identity and the request id, signed for its
// subgraph over the exact body sent (subgraphs refuse anything unsigned). Hive shares identical subgraph
// queries in flight by default, keyed on the body and the headers set before the fetch: the identity is
// set there, so only callers with the same identity share, as only callers with the same rights do in ours.
const { createGatewayRuntime } = require('@graphql-hive/gateway');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const platform = require('../platform/dist/src');
const { identify } = require('../gateway/dist/src/context');
const { readGatewayConfig } = require('../gateway/dist/src/server');

const { GATEWAY_HEADERS, PUBLIC, encodeIdentity, signEncodedRequest, clientKey } = platform;

/** The supergraph with each subgraph's URL replaced by where it runs; and which subgraph each URL is. */
function supergraphAt(supergraphPath, subgraphUrls) {
  const subgraphByUrl = new Map();
  const sdl = readFileSync(supergraphPath, 'utf8').replace(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g, (_, name, composed) => {
    const url = subgraphUrls[name] ?? composed;
    subgraphByUrl.set(url, name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  return { sdl, subgraphByUrl };
}

/** Verifies the caller and signs each subgraph request as our gateway's SignedDataSource does. */
function useHubIdentity({ verify, secret, subgraphByUrl }) {
  return {
    async onContextBuilding({ context, extendContext }) {
      const identity = await identify(context.request.headers.get('authorization') ?? undefined, verify);
      extendContext({ hubIdentity: { ...identity, client: clientKey(context.req?.socket?.remoteAddress) } });
    },
    onSubgraphExecute({ executionRequest }) {
      const identity = executionRequest.context?.hubIdentity ?? PUBLIC;
      const extensions = (executionRequest.extensions ??= {});
      extensions.headers = { ...extensions.headers, [GATEWAY_HEADERS.identity]: encodeIdentity(identity) };
    },
    // The last step before the request goes out: the body here is the exact bytes sent. Hive's own
    // request-id plugin has set x-request-id (the caller's, or a new one) by now.
    onFetch({ url, options, setOptions }) {
      const subgraph = subgraphByUrl.get(url);
      if (!subgraph) return;
      const headers = { ...options.headers };
      headers[GATEWAY_HEADERS.identity] ??= encodeIdentity(PUBLIC);
      headers[GATEWAY_HEADERS.requestId] ??= 'gateway';
      const body = typeof options.body === 'string' ? options.body : '';
      const signature = signEncodedRequest(secret, headers[GATEWAY_HEADERS.identity], {
        subgraph,
        body,
        requestId: headers[GATEWAY_HEADERS.requestId],
      });
      setOptions({ ...options, headers: { ...headers, ...signature } });
    },
  };
}

async function main() {
  const env = platform.envReader(process.env);
  const config = readGatewayConfig(env);
  const planner = env.oneOf('HIVE_PLANNER', ['js', 'rust'], 'js');
  const { sdl, subgraphByUrl } = supergraphAt(config.supergraphPath, config.subgraphUrls);
  const verify = platform.createTokenVerifier(config.auth);
  const gateway = createGatewayRuntime({
    supergraph: sdl,
    ...(planner === 'rust' ? { unifiedGraphHandler: require('@graphql-hive/router-runtime').unifiedGraphHandler } : {}),
    logging: 'error',
    readinessCheckEndpoint: '/readyz',
    healthCheckEndpoint: '/healthz',
    plugins: () => [useHubIdentity({ verify, secret: config.gatewaySecret, subgraphByUrl })],
  });
  const server = createServer(gateway);
  await new Promise((resolve) => server.listen(config.port, config.host, resolve));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
