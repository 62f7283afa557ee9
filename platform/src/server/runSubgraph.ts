import { loadDotEnv } from '../config';
import { resolveDatabase, type DatabaseConfig } from '../database';
import { createLogger, type Logger } from '../logging';
import { startTracing } from '../tracing';
import type { SubgraphServer } from './createSubgraphServer';
import { stopOnSignals } from './shutdown';

interface RunnableConfig {
  logLevel: string;
  database: DatabaseConfig;
  port: number;
  host: string;
}

/**
 * Runs one subgraph as its own process (`node subgraphs/<name>/dist/src/index.js`): reads `.env` and
 * the config, starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (as `ioc-graph-<name>`), starts the embedded PostgreSQL when DATABASE_URL is unset, builds and starts the server,
 * and stops it all in order on SIGINT or SIGTERM. Exits with 1, naming the problem, if it cannot start.
 */
export function runSubgraph<C extends RunnableConfig>(
  name: string,
  readConfig: () => C,
  createServer: (config: C, databaseUrl: string, deps: { logger: Logger }) => Promise<SubgraphServer>,
): void {
  const main = async () => {
    loadDotEnv();
    const config = readConfig();
    const logger = createLogger(name, config.logLevel);
    // Before the server and its database connections are made; stopped last, with the spans left.
    const tracing = await startTracing({ serviceName: `ioc-graph-${name}`, logger });
    const lifecycle = stopOnSignals(logger, [tracing.shutdown]);
    const database = await resolveDatabase(config.database, logger);
    lifecycle.register(database.stop);
    try {
      const server = await createServer(config, database.url, { logger });
      lifecycle.register(server.stop);
      const url = await server.listen(config.port, config.host);
      logger.info({ url }, `${name} subgraph listening`);
    } catch (error) {
      logger.fatal({ err: error }, `the ${name} subgraph could not start`);
      await lifecycle.shutdown(1);
    }
  };
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
