import { createLogger, loadDotEnv, startTracing, stopOnSignals } from '@ioc-graph/platform';
import { readGatewayConfig } from './config';
import { createGateway } from './server';

/** Runs the gateway: `node gateway/dist/src/index.js`. */
async function main() {
  loadDotEnv();
  const config = readGatewayConfig();
  const logger = createLogger('gateway', config.logLevel);
  // Before the gateway is built, which decides from it whether to trace; stopped last, with the spans left.
  const tracing = await startTracing({ serviceName: 'ioc-graph-gateway', logger });
  const lifecycle = stopOnSignals(logger, [tracing.shutdown]);
  const gateway = await createGateway(config, { logger });
  lifecycle.register(gateway.stop);
  const url = await gateway.listen(config.port, config.host);
  logger.info({ url }, 'gateway listening');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
