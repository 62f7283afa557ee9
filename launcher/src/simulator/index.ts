import { createLogger, loadDotEnv, readCommonConfig, stopOnSignals } from '@ioc-graph/platform';
import { readGatewayConfig } from '@ioc-graph/gateway';
import { readSimulatorConfig } from './config';
import { Simulator } from './simulator';

/** `npm run simulate`: plays the province's sensors against a running hub until Ctrl-C. */
async function main() {
  loadDotEnv();
  const config = readSimulatorConfig();
  const logger = createLogger('simulator', readCommonConfig().logLevel);
  const { auth } = readGatewayConfig();
  if (auth.kind !== 'secret')
    throw new Error('The simulator signs its own SYSTEM token: it needs JWT_SECRET (the embedded default), not a JWKS provider');
  const lifecycle = stopOnSignals(logger);
  const simulator = new Simulator({ ...config, auth, logger });
  await simulator.start();
  lifecycle.register(() => simulator.stop());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
