import { demoIdentities } from '@ioc-graph/directory';
import { createGateway, readGatewayConfig } from '@ioc-graph/gateway';
import {
  createLogger,
  loadDotEnv,
  readCommonConfig,
  readDatabaseConfig,
  resolveDatabase,
  startSubgraphs,
  startTracing,
  stopOnSignals,
} from '@ioc-graph/platform';
import { startBanner } from './banner';
import { readSimulatorConfig } from './simulator/config';
import { Simulator } from './simulator/simulator';
import { envFor, readLauncherConfig } from './config';

/**
 * `npm start`: the whole hub in one process. Starts the embedded PostgreSQL unless DATABASE_URL is set,
 * migrates and (once) seeds every subgraph of subgraphs/registry.json, starts them and the gateway,
 * prints the URLs and demo tokens, and stops everything cleanly on SIGINT or SIGTERM.
 */
async function main() {
  const started = Date.now();
  loadDotEnv();
  const launcher = readLauncherConfig();
  const common = readCommonConfig();
  // Read before anything starts, so that a weak JWT_SECRET stops the launch before the database does.
  const gatewayConfig = readGatewayConfig(envFor(launcher.gatewayPort));
  const logger = createLogger('launcher', common.logLevel);
  // One process, one service name (`ioc-graph`); each subgraph's spans carry `ioc_graph.subgraph`.
  const tracing = await startTracing({ serviceName: 'ioc-graph', logger });
  const lifecycle = stopOnSignals(logger, [tracing.shutdown]);
  const database = await resolveDatabase(readDatabaseConfig(), logger);
  lifecycle.register(database.stop);
  try {
    // Every subgraph of subgraphs/registry.json, in dependency order, each told where its dependencies listen.
    const subgraphs = await startSubgraphs({
      databaseUrl: database.url,
      env: process.env,
      port: (entry) => launcher.subgraphPorts[entry.name],
      dependencies: (entry) => ({ logger: createLogger(entry.name, common.logLevel) }),
      onCreated: (server) => lifecycle.register(server.stop),
    });

    // The event log lives in the hub's own database unless another bus is configured.
    gatewayConfig.eventBus.url ??= database.url;
    gatewayConfig.subgraphUrls = {
      ...gatewayConfig.subgraphUrls,
      ...Object.fromEntries(Object.values(subgraphs).map(({ entry, url }) => [entry.name, url])),
    };
    const gateway = await createGateway(gatewayConfig, { logger: createLogger('gateway', common.logLevel), demoPeople: demoIdentities() });
    lifecycle.register(gateway.stop);
    const gatewayUrl = await gateway.listen(gatewayConfig.port, gatewayConfig.host);
    logger.info({ gatewayUrl, ms: Date.now() - started }, 'ioc-graph started');
    process.stdout.write(await startBanner(gatewayUrl, gatewayConfig, launcher.printDemoTokens));
    if (launcher.simulate && gatewayConfig.auth.kind === 'secret') {
      const simulator = new Simulator({
        ...readSimulatorConfig(envFor(launcher.gatewayPort)),
        gatewayUrl,
        auth: gatewayConfig.auth,
        logger: createLogger('simulator', common.logLevel),
      });
      await simulator.start();
      lifecycle.register(() => simulator.stop());
    }
  } catch (error) {
    logger.fatal({ err: error }, 'ioc-graph could not start');
    await lifecycle.shutdown(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
