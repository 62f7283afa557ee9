import { createLogger, loadDotEnv, resolveDatabase, stopOnSignals } from '@ioc-graph/platform';
import { readIncidentsConfig } from './config';
import { createServer } from './server';

/** Runs the incidents subgraph alone: `node subgraphs/incidents/dist/src/index.js`. */
async function main() {
  loadDotEnv();
  const config = readIncidentsConfig();
  const logger = createLogger('incidents', config.logLevel);
  const lifecycle = stopOnSignals(logger);
  const database = await resolveDatabase(config.database, logger);
  lifecycle.register(database.stop);
  try {
    const server = await createServer(config, database.url, { logger });
    lifecycle.register(server.stop);
    const url = await server.listen(config.port, config.host);
    logger.info({ url }, 'incidents subgraph listening');
  } catch (error) {
    logger.fatal({ err: error }, 'the incidents subgraph could not start');
    await lifecycle.shutdown(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
