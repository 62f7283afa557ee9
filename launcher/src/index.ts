import { createServer as createDirectory, readDirectoryConfig } from '@ioc-graph/directory';
import { createGateway, readGatewayConfig } from '@ioc-graph/gateway';
import { createServer as createCommand, readCommandConfig } from '@ioc-graph/command';
import { createServer as createDispatch, readDispatchConfig } from '@ioc-graph/dispatch';
import { createServer as createEnvironment, readEnvironmentConfig } from '@ioc-graph/environment';
import { createServer as createTraffic, readTrafficConfig } from '@ioc-graph/traffic';
import { createServer as createIncidents, readIncidentsConfig } from '@ioc-graph/incidents';
import { createLogger, loadDotEnv, readCommonConfig, resolveDatabase, stopOnSignals } from '@ioc-graph/platform';
import { startBanner } from './banner';
import { readSimulatorConfig } from './simulator/config';
import { Simulator } from './simulator/simulator';
import { envFor, readLauncherConfig } from './config';

/**
 * `npm start`: the whole hub in one process. Starts the embedded PostgreSQL unless DATABASE_URL is set,
 * migrates and (once) seeds every subgraph, starts the subgraphs and the gateway, prints the URLs and
 * demo tokens, and stops everything cleanly on SIGINT or SIGTERM.
 */
async function main() {
  const started = Date.now();
  loadDotEnv();
  const launcher = readLauncherConfig();
  const common = readCommonConfig();
  const logger = createLogger('launcher', common.logLevel);
  const directoryConfig = readDirectoryConfig(envFor(launcher.directoryPort));
  const lifecycle = stopOnSignals(logger);
  const database = await resolveDatabase(directoryConfig.database, logger);
  lifecycle.register(database.stop);
  try {
    const directory = await createDirectory(directoryConfig, database.url, { logger: createLogger('directory', common.logLevel) });
    lifecycle.register(directory.stop);
    const directoryUrl = await directory.listen(directoryConfig.port, directoryConfig.host);

    const incidentsConfig = readIncidentsConfig(envFor(launcher.incidentsPort));
    incidentsConfig.directoryUrl = directoryUrl;
    const incidents = await createIncidents(incidentsConfig, database.url, { logger: createLogger('incidents', common.logLevel) });
    lifecycle.register(incidents.stop);
    const incidentsUrl = await incidents.listen(incidentsConfig.port, incidentsConfig.host);

    const dispatchConfig = readDispatchConfig(envFor(launcher.dispatchPort));
    Object.assign(dispatchConfig, { directoryUrl, incidentsUrl });
    const dispatch = await createDispatch(dispatchConfig, database.url, { logger: createLogger('dispatch', common.logLevel) });
    lifecycle.register(dispatch.stop);
    const dispatchUrl = await dispatch.listen(dispatchConfig.port, dispatchConfig.host);

    const commandConfig = readCommandConfig(envFor(launcher.commandPort));
    Object.assign(commandConfig, { directoryUrl, incidentsUrl });
    const command = await createCommand(commandConfig, database.url, { logger: createLogger('command', common.logLevel) });
    lifecycle.register(command.stop);
    const commandUrl = await command.listen(commandConfig.port, commandConfig.host);

    const environmentConfig = readEnvironmentConfig(envFor(launcher.environmentPort));
    Object.assign(environmentConfig, { directoryUrl });
    const environment = await createEnvironment(environmentConfig, database.url, { logger: createLogger('environment', common.logLevel) });
    lifecycle.register(environment.stop);
    const environmentUrl = await environment.listen(environmentConfig.port, environmentConfig.host);

    const trafficConfig = readTrafficConfig(envFor(launcher.trafficPort));
    Object.assign(trafficConfig, { directoryUrl });
    const traffic = await createTraffic(trafficConfig, database.url, { logger: createLogger('traffic', common.logLevel) });
    lifecycle.register(traffic.stop);
    const trafficUrl = await traffic.listen(trafficConfig.port, trafficConfig.host);

    const gatewayConfig = readGatewayConfig(envFor(launcher.gatewayPort));
    // The event log lives in the hub's own database unless another bus is configured.
    gatewayConfig.eventBus.url ??= database.url;
    gatewayConfig.subgraphUrls = { ...gatewayConfig.subgraphUrls, directory: directoryUrl, incidents: incidentsUrl, dispatch: dispatchUrl, command: commandUrl, environment: environmentUrl, traffic: trafficUrl };
    const gateway = await createGateway(gatewayConfig, { logger: createLogger('gateway', common.logLevel) });
    lifecycle.register(gateway.stop);
    const gatewayUrl = await gateway.listen(gatewayConfig.port, gatewayConfig.host);
    logger.info({ gatewayUrl, ms: Date.now() - started }, 'ioc-graph started');
    process.stdout.write(await startBanner(gatewayUrl, gatewayConfig, launcher.printDemoTokens));
    if (launcher.simulate && gatewayConfig.auth.kind === 'secret') {
      const simulator = new Simulator({ ...readSimulatorConfig(envFor(launcher.gatewayPort)), gatewayUrl, auth: gatewayConfig.auth, logger: createLogger('simulator', common.logLevel) });
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
