import { createLogger, loadDotEnv, stopOnSignals } from '@ioc-graph/platform';
import { readGatewayConfig } from './config';
import { createGateway } from './server';

/** Runs the gateway: `node gateway/dist/src/index.js`. */
async function main() {
  loadDotEnv();
  const config = readGatewayConfig();
  const logger = createLogger('gateway', config.logLevel);
  const lifecycle = stopOnSignals(logger);
  const gateway = await createGateway(config, { logger });
  lifecycle.register(gateway.stop);
  const url = await gateway.listen(config.port, config.host);
  logger.info({ url }, 'gateway listening');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
