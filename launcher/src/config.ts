import { ConfigError, envReader, portVariable, subgraphRegistry, type EnvReader } from '@ioc-graph/platform';

/**
 * The launcher hosts every service in one process. Each service reads its usual variables; the
 * launcher only decides their ports: PORT for the gateway, <SUBGRAPH>_PORT for each subgraph.
 */
export function readLauncherConfig(env: EnvReader = envReader()) {
  const nodeEnv = env.string('NODE_ENV', 'development');
  // The README's walk-throughs use the banner's tokens; anywhere but development they must be asked for.
  const printDemoTokens = env.bool('PRINT_DEMO_TOKENS', nodeEnv === 'development');
  if (printDemoTokens && nodeEnv === 'production') {
    throw new ConfigError('PRINT_DEMO_TOKENS', 'must not be true in production: the banner would print working LEADER and OPERATOR tokens');
  }
  return {
    gatewayPort: env.int('PORT', 4000, { min: 0, max: 65535 }),
    /** Each subgraph's port: `<NAME>_PORT`, else its port in subgraphs/registry.json. */
    subgraphPorts: Object.fromEntries(
      subgraphRegistry().map((entry) => [entry.name, env.int(portVariable(entry.name), entry.port, { min: 0, max: 65535 })]),
    ),
    /**
     * Print a demo token for each role at start (only with the shared-secret token verifier).
     * @default true in development (NODE_ENV unset or `development`), false elsewhere; refused in production.
     */
    printDemoTokens,
    /** Play the province's sensors once started (see `npm run simulate`). */
    simulate: env.bool('SIMULATE', false),
  };
}

/** An environment reader for one service, with PORT set to that service's port. */
export const envFor = (port: number): EnvReader => envReader({ ...process.env, PORT: String(port) });
