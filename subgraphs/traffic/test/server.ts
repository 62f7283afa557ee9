import { demoId } from '@ioc-graph/directory';
import { createLogger, envReader, ManualClock, Role } from '@ioc-graph/platform';
import { createTestDatabase } from '../../../test/support/database';
import { execute, TEST_ENV } from '../../../test/support/hub';
import { signedFor } from '../../../test/support/identities';
import { createServer, readTrafficConfig, type TrafficServer } from '../src/server';

export { demoId };

/**
 * What the traffic tests' inline queries and SQL return. The tests read these results by path and check
 * every value they read with `expect`, so a declared shape would only restate each query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inline test queries are checked by their expectations, not by types
type Inline = any;

type GqlResult<T> = {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; problems?: { field: string; message: string }[] } }[];
};

export interface TrafficHarness {
  url: string;
  server: TrafficServer;
  clock: ManualClock;
  statements: string[];
  /** Calls the subgraph directly, signed as the gateway would for this role (the public without one). */
  gql<T = Inline>(query: string, variables?: Record<string, unknown>, role?: Role | null): Promise<GqlResult<T>>;
  sql<T = Inline>(query: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** The traffic subgraph alone on a fresh database (migrated and seeded), listening on a loopback port. */
export async function startTraffic(now = '2026-11-23T03:00:00Z'): Promise<TrafficHarness> {
  const database = await createTestDatabase();
  const clock = new ManualClock(new Date(now));
  const statements: string[] = [];
  const env = envReader({ ...process.env, ...TEST_ENV, PORT: '0', DATABASE_URL: database.url });
  let server: TrafficServer | undefined;
  try {
    server = await createServer(readTrafficConfig(env), database.url, {
      logger: createLogger('traffic', 'silent'),
      onQuery: (sql) => void (/outbox_event|pg_try_advisory_lock/.test(sql) || statements.push(sql)),
      clock,
    });
    const url = await server.listen(0);
    const started = server;
    return {
      url,
      server: started,
      clock,
      statements,
      async gql<T>(query: string, variables?: Record<string, unknown>, role: Role | null = Role.OPERATOR) {
        return (await execute<T, Record<string, unknown>>(url, query, variables, { sign: signedFor('traffic', role) })) as GqlResult<T>;
      },
      sql: (query, params = []) => started.orm.em.fork().getConnection().execute(query, params),
      async stop() {
        await started.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await database.drop();
    throw error;
  }
}
