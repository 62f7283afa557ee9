import { createServer as createDirectory, demoIdentities, readDirectoryConfig, type DirectoryServer } from '@ioc-graph/directory';
import { createGateway, readGatewayConfig, type GatewayServer } from '@ioc-graph/gateway';
import { createServer as createIncidents, ManualClock, readIncidentsConfig, type IncidentsServer } from '@ioc-graph/incidents';
import { createLogger, envReader, issueToken, Role, type Identity } from '@ioc-graph/platform';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createTestDatabase } from './database';

/** Settings shared by the test hub's services: quiet logs, the development secrets. */
export const TEST_ENV = { LOG_LEVEL: 'silent', NODE_ENV: 'test', SEED_DEMO_DATA: 'true', EXPOSE_INTERNAL_ERRORS: 'false' };

export interface Hub {
  gatewayUrl: string;
  directoryUrl: string;
  directory: DirectoryServer;
  incidentsUrl: string;
  incidents: IncidentsServer;
  /** The incidents subgraph's clock: tests move it to reach deadlines. */
  clock: ManualClock;
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
  resetStatements(): void;
  stop(): Promise<void>;
}

/**
 * The real hub for a suite: a fresh PostgreSQL database, the directory subgraph with its demo data,
 * the incidents subgraph on a manual clock (its scheduler runs only when a test asks) and the gateway,
 * each on its own loopback port. Counts each subgraph's SQL statements.
 */
export async function startHub(env: Record<string, string> = {}, options: { now?: string } = {}): Promise<Hub> {
  const database = await createTestDatabase();
  const statements: string[] = [];
  const directoryConfig = readDirectoryConfig(envReader({ ...process.env, ...TEST_ENV, ...env, PORT: '0', DATABASE_URL: database.url }));
  const directory = await createDirectory(directoryConfig, database.url, {
    logger: createLogger('directory', 'silent'),
    onQuery: (sql) => statements.push(sql),
  });
  const directoryUrl = await directory.listen(0);
  const incidentStatements: string[] = [];
  const clock = new ManualClock(new Date(options.now ?? '2026-11-23T01:00:00Z'));
  const incidentsConfig = readIncidentsConfig(
    envReader({ ...process.env, ...TEST_ENV, SCHEDULER_INTERVAL_MS: '0', ...env, PORT: '0', DATABASE_URL: database.url, DIRECTORY_URL: directoryUrl }),
  );
  const incidents = await createIncidents(incidentsConfig, database.url, {
    logger: createLogger('incidents', 'silent'),
    onQuery: (sql) => incidentStatements.push(sql),
    clock,
  });
  const incidentsUrl = await incidents.listen(0);
  const gatewayConfig = readGatewayConfig(envReader({ ...process.env, ...TEST_ENV, EVENT_BUS_URL: database.url, ...env, PORT: '0' }));
  gatewayConfig.subgraphUrls = { directory: directoryUrl, incidents: incidentsUrl };
  const gateway = await createGateway(gatewayConfig, { logger: createLogger('gateway', 'silent') });
  const gatewayUrl = await gateway.listen(0);
  const extraGateways: GatewayServer[] = [];
  const identities = Object.fromEntries(demoIdentities().map((identity) => [identity.roles[0], identity])) as unknown as Record<Role, Identity & { subject: string }>;
  const auth = gatewayConfig.auth.kind === 'secret' ? gatewayConfig.auth : undefined;
  const tokens = {} as Record<Role, string>;
  for (const [role, identity] of Object.entries(identities)) tokens[role as Role] = await issueToken(identity, auth!);
  return {
    gatewayUrl,
    directoryUrl,
    directory,
    incidentsUrl,
    incidents,
    clock,
    gateway,
    tokens,
    identities,
    tokenFor: (identity, expiresIn) => issueToken(identity, { ...auth!, expiresIn }),
    async startGateway() {
      const server = await createGateway(gatewayConfig, { logger: createLogger('gateway', 'silent') });
      extraGateways.push(server);
      return { url: await server.listen(0), server };
    },
    statements,
    incidentStatements,
    resetStatements: () => {
      statements.splice(0);
      incidentStatements.splice(0);
    },
    async stop() {
      for (const extra of extraGateways) await extra.stop().catch(() => undefined);
      await gateway.stop();
      await incidents.stop();
      await directory.stop();
      await database.drop();
    },
  };
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
