import { createServer as createDirectory, demoIdentities, readDirectoryConfig, type DirectoryServer } from '@ioc-graph/directory';
import { createGateway, readGatewayConfig, type GatewayServer } from '@ioc-graph/gateway';
import { createServer as createCommand, readCommandConfig, type CommandServer } from '@ioc-graph/command';
import { createServer as createDispatch, readDispatchConfig, type DispatchServer } from '@ioc-graph/dispatch';
import { createServer as createEnvironment, readEnvironmentConfig, type EnvironmentServer } from '@ioc-graph/environment';
import { createServer as createTraffic, readTrafficConfig, type TrafficServer } from '@ioc-graph/traffic';
import { createServer as createIncidents, ManualClock, readIncidentsConfig, type IncidentsServer } from '@ioc-graph/incidents';
import { createLogger, envReader, issueToken, Role, type Identity } from '@ioc-graph/platform';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createTestDatabase } from './database';

/** Settings shared by the test hub's services: quiet logs, the development secrets. */
export const TEST_ENV = { LOG_LEVEL: 'silent', NODE_ENV: 'test', SEED_DEMO_DATA: 'true', EXPOSE_INTERNAL_ERRORS: 'false' };

export interface Hub {
  gatewayUrl: string;
  /** The suite's database, which also holds the event log of the PostgreSQL bus. */
  databaseUrl: string;
  directoryUrl: string;
  directory: DirectoryServer;
  incidentsUrl: string;
  incidents: IncidentsServer;
  /** The incidents subgraph's clock: tests move it to reach deadlines. */
  clock: ManualClock;
  dispatchUrl: string;
  dispatch: DispatchServer;
  commandUrl: string;
  command: CommandServer;
  environmentUrl: string;
  environment: EnvironmentServer;
  trafficUrl: string;
  traffic: TrafficServer;
  gateway: GatewayServer;
  /** A token for the demo person of each role. */
  tokens: Record<Role, string>;
  /** The demo identities by role. */
  identities: Record<Role, Identity>;
  /** A token for any identity (e.g. the staff of another agency), valid 12 h or as long as asked. */
  tokenFor(identity: Identity & { subject: string }, expiresIn?: string | number): Promise<string>;
  /** Starts another gateway on the same subgraphs and event bus (a second instance, or a restart). */
  startGateway(): Promise<{ url: string; server: GatewayServer }>;
  /** SQL statements seen by the directory since the last `resetStatements()`. */
  statements: string[];
  /** SQL statements seen by the incidents subgraph since the last `resetStatements()`. */
  incidentStatements: string[];
  /** SQL statements seen by the dispatch subgraph since the last `resetStatements()`. */
  dispatchStatements: string[];
  commandStatements: string[];
  environmentStatements: string[];
  trafficStatements: string[];
  resetStatements(): void;
  stop(): Promise<void>;
}

/**
 * The real hub for a suite: a fresh PostgreSQL database; the directory (with its demo data), incidents,
 * dispatch and command subgraphs on one manual clock (the follow-up scheduler runs only when a test
 * asks); and the gateway, each on its own loopback port. Counts each subgraph's SQL statements. If any
 * part fails to start, what did start is stopped again, so a failed suite leaves nothing running.
 */
export async function startHub(env: Record<string, string> = {}, options: { now?: string } = {}): Promise<Hub> {
  const database = await createTestDatabase();
  const cleanup: (() => Promise<void>)[] = [() => database.drop()];
  const stopAll = async () => {
    for (const stop of cleanup.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const clock = new ManualClock(new Date(options.now ?? '2026-11-23T01:00:00Z'));
    const base = { ...process.env, ...TEST_ENV, SCHEDULER_INTERVAL_MS: '0', ...env, PORT: '0', DATABASE_URL: database.url };
    const start = async <S extends { listen(port: number): Promise<string>; stop(): Promise<void> }>(create: () => Promise<S>) => {
      const server = await create();
      cleanup.push(() => server.stop());
      return { server, url: await server.listen(0) };
    };
    const statements: string[] = [];
    const incidentStatements: string[] = [];
    const dispatchStatements: string[] = [];
    const commandStatements: string[] = [];
    const environmentStatements: string[] = [];
    const trafficStatements: string[] = [];
    // Background work (the outbox relay's polls, the follow-up scheduler) is not what a request costs.
    const background = /"?outbox_event"?|follow_up_timer|pg_try_advisory_lock/;
    const quiet = (name: string, sink: string[]) => ({ logger: createLogger(name, 'silent'), onQuery: (sql: string) => void (background.test(sql) || sink.push(sql)), clock });
    const directory = await start(() => createDirectory(readDirectoryConfig(envReader(base)), database.url, quiet('directory', statements)));
    const incidents = await start(() => createIncidents(readIncidentsConfig(envReader({ ...base, DIRECTORY_URL: directory.url })), database.url, quiet('incidents', incidentStatements)));
    const peers = { ...base, DIRECTORY_URL: directory.url, INCIDENTS_URL: incidents.url };
    const dispatch = await start(() => createDispatch(readDispatchConfig(envReader(peers)), database.url, quiet('dispatch', dispatchStatements)));
    const command = await start(() => createCommand(readCommandConfig(envReader(peers)), database.url, quiet('command', commandStatements)));
    const environment = await start(() => createEnvironment(readEnvironmentConfig(envReader(peers)), database.url, quiet('environment', environmentStatements)));
    const traffic = await start(() => createTraffic(readTrafficConfig(envReader(peers)), database.url, quiet('traffic', trafficStatements)));
    const gatewayConfig = readGatewayConfig(envReader({ ...process.env, ...TEST_ENV, EVENT_BUS_URL: database.url, ...env, PORT: '0' }));
    gatewayConfig.subgraphUrls = { directory: directory.url, incidents: incidents.url, dispatch: dispatch.url, command: command.url, environment: environment.url, traffic: traffic.url };
    const gateway = await start(() => createGateway(gatewayConfig, { logger: createLogger('gateway', 'silent') }));
    const identities = Object.fromEntries(demoIdentities().map((identity) => [identity.roles[0], identity])) as unknown as Record<Role, Identity & { subject: string }>;
    const auth = gatewayConfig.auth.kind === 'secret' ? gatewayConfig.auth : undefined;
    const tokens = {} as Record<Role, string>;
    for (const [role, identity] of Object.entries(identities)) tokens[role as Role] = await issueToken(identity, auth!);
    return {
      gatewayUrl: gateway.url,
      databaseUrl: database.url,
      directoryUrl: directory.url,
      directory: directory.server,
      incidentsUrl: incidents.url,
      incidents: incidents.server,
      clock,
      dispatchUrl: dispatch.url,
      dispatch: dispatch.server,
      commandUrl: command.url,
      command: command.server,
      environmentUrl: environment.url,
      environment: environment.server,
      trafficUrl: traffic.url,
      traffic: traffic.server,
      gateway: gateway.server,
      tokens,
      identities,
      tokenFor: (identity, expiresIn) => issueToken(identity, { ...auth!, expiresIn }),
      startGateway: async () => start(() => createGateway(gatewayConfig, { logger: createLogger('gateway', 'silent') })),
      statements,
      incidentStatements,
      dispatchStatements,
      commandStatements,
      environmentStatements,
      trafficStatements,
      resetStatements: () => {
        for (const list of [statements, incidentStatements, dispatchStatements, commandStatements, environmentStatements, trafficStatements]) list.splice(0);
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** POSTs an operation (typed by codegen) to a GraphQL endpoint. */
export async function execute<T, V>(
  url: string,
  document: TypedDocumentNode<T, V> | DocumentNode | string,
  variables?: V,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const query = typeof document === 'string' ? document : print(document);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The `extensions.code` of each error, in order. */
export const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);
