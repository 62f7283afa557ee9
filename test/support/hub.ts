import { demoIdentities, type DirectoryServer } from '@ioc-graph/directory';
import { createGateway, readGatewayConfig, type GatewayServer } from '@ioc-graph/gateway';
import type { CommandServer } from '@ioc-graph/command';
import type { DispatchServer } from '@ioc-graph/dispatch';
import type { EnvironmentServer } from '@ioc-graph/environment';
import type { TrafficServer } from '@ioc-graph/traffic';
import type { IncidentsServer } from '@ioc-graph/incidents';
import {
  createLogger,
  envReader,
  issueToken,
  ManualClock,
  Role,
  startSubgraphs,
  subgraphRegistry,
  type Identity,
  type StartedSubgraph,
} from '@ioc-graph/platform';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createTestDatabase, type DatabaseTemplate, type TestDatabase } from './database';

/**
 * Settings shared by the test hub's services: quiet logs, the development secrets, and a subgraph timeout
 * sized for a busy 2-core machine running every suite (a write can take seconds there); the suites about
 * timeouts set their own.
 */
export const TEST_ENV = {
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
  SEED_DEMO_DATA: 'true',
  EXPOSE_INTERNAL_ERRORS: 'false',
  SUBGRAPH_TIMEOUT_MS: '60000',
};

export interface Hub {
  gatewayUrl: string;
  /** The suite's database, which also holds the event log of the PostgreSQL bus. */
  databaseUrl: string;
  directoryUrl: string;
  directory: DirectoryServer;
  incidentsUrl: string;
  incidents: IncidentsServer;
  /** The clock of every subgraph: tests move it to reach deadlines. */
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
  /** Every subgraph of subgraphs/registry.json, by name: its server and URL. */
  subgraphs: Record<string, StartedSubgraph>;
  /** A token for the demo person of each role. */
  tokens: Record<Role, string>;
  /** The demo identities by role. */
  identities: Record<Role, Identity>;
  /** A token for any identity (e.g. the staff of another agency), valid 12 h or as long as asked. */
  tokenFor(identity: Identity & { subject: string }, expiresIn?: string | number): Promise<string>;
  /**
   * Starts another gateway on the same subgraphs and event bus (a second instance, or a restart); `env`
   * overrides the hub's settings, `subgraphUrls` the address of some subgraphs (a fault proxy, a process).
   */
  startGateway(env?: Record<string, string>, subgraphUrls?: Record<string, string>): Promise<{ url: string; server: GatewayServer }>;
  /** SQL statements each subgraph sent since the last `resetStatements()`, by subgraph name (requests only, not background work). */
  statementsOf: Record<string, string[]>;
  /** SQL statements seen by the directory since the last `resetStatements()` (`statementsOf.directory`). */
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
 * What every hub starts from: the subgraphs' migrations and demo data, applied once per run by booting a
 * hub on the template (with no suite's settings) and copied for each suite.
 */
const HUB_TEMPLATE: DatabaseTemplate = {
  name: 'hub',
  prepare: async (url) => (await startHub({}, { database: { url, drop: async () => undefined } })).stop(),
};

/**
 * The real hub for a suite: a fresh copy of the hub template database; every subgraph of subgraphs/registry.json in
 * dependency order (the directory with its demo data), all on one manual clock (the follow-up scheduler
 * runs only when a test asks); and the gateway, each on its own loopback port. Counts each subgraph's SQL
 * statements. If any part fails to start, what did start is stopped again, so a failed suite leaves
 * nothing running.
 */
export async function startHub(env: Record<string, string> = {}, options: { now?: string; database?: TestDatabase } = {}): Promise<Hub> {
  const database = options.database ?? (await createTestDatabase({ template: HUB_TEMPLATE }));
  const cleanup: (() => Promise<void>)[] = [() => database.drop()];
  const stopAll = async () => {
    for (const stop of cleanup.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const clock = new ManualClock(new Date(options.now ?? '2026-11-23T01:00:00Z'));
    const statementsOf: Record<string, string[]> = Object.fromEntries(subgraphRegistry().map((entry) => [entry.name, []]));
    // Background work (the outbox relay's polls, the follow-up scheduler) is not what a request costs.
    const background = /"?outbox_event"?|follow_up_timer|pg_try_advisory_lock/;
    const subgraphs = await startSubgraphs({
      databaseUrl: database.url,
      env: { ...process.env, ...TEST_ENV, SCHEDULER_INTERVAL_MS: '0', ...env, DATABASE_URL: database.url },
      port: () => 0,
      dependencies: ({ name }) => ({
        logger: createLogger(name, 'silent'),
        onQuery: (sql: string) => void (background.test(sql) || statementsOf[name].push(sql)),
        clock,
      }),
      onCreated: (server) => void cleanup.push(() => server.stop()),
    });
    const start = async <S extends { listen(port: number): Promise<string>; stop(): Promise<void> }>(create: () => Promise<S>) => {
      const server = await create();
      cleanup.push(() => server.stop());
      return { server, url: await server.listen(0) };
    };
    const gatewayConfigWith = (overrides: Record<string, string> = {}, subgraphUrls: Record<string, string> = {}) => {
      const config = readGatewayConfig(
        envReader({ ...process.env, ...TEST_ENV, EVENT_BUS_URL: database.url, ...env, ...overrides, PORT: '0' }),
      );
      config.subgraphUrls = { ...Object.fromEntries(Object.values(subgraphs).map(({ entry, url }) => [entry.name, url])), ...subgraphUrls };
      return config;
    };
    const gatewayConfig = gatewayConfigWith();
    const gateway = await start(() =>
      createGateway(gatewayConfig, { logger: createLogger('gateway', 'silent'), demoPeople: demoIdentities() }),
    );
    const identities = Object.fromEntries(demoIdentities().map((identity) => [identity.roles[0], identity])) as unknown as Record<
      Role,
      Identity & { subject: string }
    >;
    const auth = gatewayConfig.auth.kind === 'secret' ? gatewayConfig.auth : undefined;
    const tokens = {} as Record<Role, string>;
    for (const [role, identity] of Object.entries(identities)) tokens[role as Role] = await issueToken(identity, auth!);
    const server = <S>(name: string) => subgraphs[name].server as unknown as S;
    return {
      gatewayUrl: gateway.url,
      databaseUrl: database.url,
      directoryUrl: subgraphs.directory.url,
      directory: server<DirectoryServer>('directory'),
      incidentsUrl: subgraphs.incidents.url,
      incidents: server<IncidentsServer>('incidents'),
      clock,
      dispatchUrl: subgraphs.dispatch.url,
      dispatch: server<DispatchServer>('dispatch'),
      commandUrl: subgraphs.command.url,
      command: server<CommandServer>('command'),
      environmentUrl: subgraphs.environment.url,
      environment: server<EnvironmentServer>('environment'),
      trafficUrl: subgraphs.traffic.url,
      traffic: server<TrafficServer>('traffic'),
      gateway: gateway.server,
      subgraphs,
      tokens,
      identities,
      tokenFor: (identity, expiresIn) => issueToken(identity, { ...auth!, expiresIn }),
      startGateway: async (overrides, subgraphUrls) =>
        start(() =>
          createGateway(gatewayConfigWith(overrides, subgraphUrls), {
            logger: createLogger('gateway', 'silent'),
            demoPeople: demoIdentities(),
          }),
        ),
      statementsOf,
      statements: statementsOf.directory,
      incidentStatements: statementsOf.incidents,
      dispatchStatements: statementsOf.dispatch,
      commandStatements: statementsOf.command,
      environmentStatements: statementsOf.environment,
      trafficStatements: statementsOf.traffic,
      resetStatements: () => {
        for (const list of Object.values(statementsOf)) list.splice(0);
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

/**
 * POSTs an operation (typed by codegen) to a GraphQL endpoint. `sign` adds headers made from the exact
 * body sent (`signedFor(subgraph, identity)`: to call a subgraph as the gateway would).
 */
export async function execute<T, V>(
  url: string,
  document: TypedDocumentNode<T, V> | DocumentNode | string,
  variables?: V,
  options: { token?: string; headers?: Record<string, string>; sign?: (body: string) => Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const query = typeof document === 'string' ? document : print(document);
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
      ...options.sign?.(body),
    },
    body,
  });
  const result = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...result };
}

/** The `extensions.code` of each error, in order. */
export const codes = (response: GraphQLResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);
