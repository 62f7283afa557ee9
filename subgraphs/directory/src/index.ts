import { createLogger, loadDotEnv, resolveDatabase, stopOnSignals } from '@ioc-graph/platform';
import { readDirectoryConfig } from './config';
import { createServer } from './server';

/** Runs the directory subgraph alone: `node subgraphs/directory/dist/src/index.js`. */
async function main() {
  loadDotEnv();
  const config = readDirectoryConfig();
  const logger = createLogger('directory', config.logLevel);
  const lifecycle = stopOnSignals(logger);
  const database = await resolveDatabase(config.database, logger);
  lifecycle.register(database.stop);
  try {
    const server = await createServer(config, database.url, { logger });
    lifecycle.register(server.stop);
    const url = await server.listen(config.port, config.host);
    logger.info({ url }, 'directory subgraph listening');
  } catch (error) {
    logger.fatal({ err: error }, 'the directory subgraph could not start');
    await lifecycle.shutdown(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
