// Runs once before the suites, in jest's main process (workers inherit the variables set here): finds
// the PostgreSQL the suites make their databases on, drops databases left by runs whose process is gone,
// and checks which message brokers (and Redis) answer. test/globalTeardown.ts undoes what this starts.
import { createConnection } from 'node:net';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../platform/src/database/embedded';
import { SERVICE_URLS, type Service } from './support/services';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The connections two workers need at once: a hub holds about 35 while it starts (ten subgraphs, each
 * with its pool, its outbox relay's lock and its bus), and some suites run two hubs.
 */
const CONNECTIONS_NEEDED = 200;

/** Connects and returns nothing, or the reason it could not. */
async function tryConnect(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String((error as { code?: string }).code);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server's `max_connections`, less those reserved for superusers. */
async function maxConnections(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int as n",
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** Opens a TCP connection to the service's host and port: null when it answers, else why not. */
function probe(url: string): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = createConnection({ host: hostname, port: Number(port), timeout: 3_000 });
    socket.once('connect', () => (socket.destroy(), done(null)));
    socket.once('timeout', () => (socket.destroy(), done('no answer within 3 s')));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** The embedded PostgreSQL of the tests, on its own port and data folder (not the service's 54329). */
async function startEmbedded(why: string): Promise<string> {
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54330);
  const dataDir = resolve(__dirname, '..', process.env.TEST_EMBEDDED_PG_DATA_DIR ?? '.data/test-postgres');
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  // A cluster left running by an interrupted run on this folder and port: use it, it is ours.
  if ((await tryConnect(url)) === null) {
    console.log(`\n== tests: ${why}; using the embedded PostgreSQL already running on port ${port}`);
    return url;
  }
  const started = Date.now();
  const server = await startEmbeddedPostgres({ dataDir, port, database: 'postgres', maxConnections: CONNECTIONS_NEEDED + 100 });
  (globalThis as { iocTestPostgres?: typeof server }).iocTestPostgres = server;
  console.log(`\n== tests: ${why}; started the embedded PostgreSQL on port ${port} (${dataDir}) in ${Date.now() - started} ms`);
  return server.url;
}

async function choosePostgres(): Promise<string> {
  if (process.env.TEST_EMBEDDED_PG === '1') return startEmbedded('TEST_EMBEDDED_PG=1');
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    const why = await tryConnect(given);
    if (why)
      throw new Error(
        `The tests use TEST_DATABASE_URL (${given}), which does not answer: ${why}. Unset it to use 127.0.0.1:5432 or the embedded PostgreSQL.`,
      );
    console.log(`\n== tests: PostgreSQL at TEST_DATABASE_URL`);
    return given;
  }
  const why = await tryConnect(DEFAULT_URL);
  if (why !== null) return startEmbedded(`no PostgreSQL at 127.0.0.1:5432 (${why})`);
  const allowed = await maxConnections(DEFAULT_URL);
  if (allowed < CONNECTIONS_NEEDED) {
    return startEmbedded(`the PostgreSQL at 127.0.0.1:5432 allows ${allowed} connections, the suites need ${CONNECTIONS_NEEDED}`);
  }
  console.log(`\n== tests: PostgreSQL at 127.0.0.1:5432`);
  return DEFAULT_URL;
}

/** Drops databases of runs that have ended: another run on this machine may be using its own. */
async function dropStaleDatabases(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ioc\\_test\\_%'");
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    };
    for (const { datname } of rows) {
      const pid = Number(/^ioc_test_(\d+)_/.exec(datname)?.[1]);
      if (!pid || !alive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

export default async function globalSetup(): Promise<void> {
  (globalThis as { iocTestStarted?: number }).iocTestStarted = Date.now();
  const url = await choosePostgres();
  process.env.TEST_DATABASE_URL = url;
  process.env.IOC_TEST_RUN = String(process.pid);
  await dropStaleDatabases(url);

  const verdicts = {} as Record<Service, string | null>;
  for (const service of Object.keys(SERVICE_URLS) as Service[]) verdicts[service] = await probe(SERVICE_URLS[service]);
  process.env.IOC_TEST_SERVICES = JSON.stringify(verdicts);
  const down = Object.entries(verdicts).filter(([, why]) => why !== null);
  for (const [service, why] of down) {
    const where = `${service.toUpperCase()} at ${SERVICE_URLS[service as Service]} does not answer (${why})`;
    if (process.env.CI === 'true') throw new Error(`CI=true: ${where}; .ci/run starts it.`);
    console.log(`== tests: ${where}: the suites that need it are skipped (under CI=true this fails the run)`);
  }
}
