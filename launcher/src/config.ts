import { envReader, type EnvReader } from '@ioc-graph/platform';

/**
 * The launcher hosts every service in one process. Each service reads its usual variables; the
 * launcher only decides their ports: PORT for the gateway, <SUBGRAPH>_PORT for each subgraph.
 */
export function readLauncherConfig(env: EnvReader = envReader()) {
  return {
    gatewayPort: env.int('PORT', 4000, { min: 0, max: 65535 }),
    directoryPort: env.int('DIRECTORY_PORT', 4001, { min: 0, max: 65535 }),
    incidentsPort: env.int('INCIDENTS_PORT', 4002, { min: 0, max: 65535 }),
    dispatchPort: env.int('DISPATCH_PORT', 4003, { min: 0, max: 65535 }),
    commandPort: env.int('COMMAND_PORT', 4004, { min: 0, max: 65535 }),
    environmentPort: env.int('ENVIRONMENT_PORT', 4005, { min: 0, max: 65535 }),
    trafficPort: env.int('TRAFFIC_PORT', 4006, { min: 0, max: 65535 }),
    /** Print a demo token for each role at start (only with the shared-secret token verifier). */
    printDemoTokens: env.bool('PRINT_DEMO_TOKENS', true),
    /** Play the province's sensors once started (see `npm run simulate`). */
    simulate: env.bool('SIMULATE', false),
  };
}

/** An environment reader for one service, with PORT set to that service's port. */
export const envFor = (port: number): EnvReader => envReader({ ...process.env, PORT: String(port) });
