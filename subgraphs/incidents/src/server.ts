import {
  BusConsumer,
  createEventBus,
  createLogger,
  createSubgraphService,
  type SubgraphDependencies,
  type SubgraphService,
  systemClock,
} from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedReferenceData } from '../seeds/referenceData';
import type { IncidentsContext } from './context';
import type { IncidentsConfig } from './config';
import { DirectoryCache } from './foreign/directoryCache';
import { DirectoryLookup } from './foreign/directoryLookup';
import { sectorAlertHandler } from './alert/sectorAlerts';
import { FollowUpScheduler } from './followUp/scheduler';
import { buildIncidentsSchema, entities } from './schema';

export { readIncidentsConfig, readIncidentsConfig as readConfig, type IncidentsConfig } from './config';
export { buildIncidentsSchema, entities } from './schema';
export { ManualClock, systemClock, type Clock } from '@ioc-graph/platform';
export { categoryId } from '../seeds/referenceData';
export { calendarDays } from '../seeds/holidays';

export interface IncidentsServer extends SubgraphService {
  scheduler: FollowUpScheduler;
}

/**
 * Builds the incidents subgraph on a database: connects, applies its migrations, adds missing
 * reference data (categories, working calendar), relays its outbox, starts the follow-up scheduler,
 * and returns a server that is not yet listening.
 */
export async function createServer(
  config: IncidentsConfig,
  databaseUrl: string,
  deps: SubgraphDependencies = {},
): Promise<IncidentsServer> {
  const logger = deps.logger ?? createLogger('incidents', config.logLevel);
  const clock = deps.clock ?? systemClock;
  const directoryClient = DirectoryLookup.client(config.directoryUrl, config.gatewaySecret);
  const bus = deps.bus ?? (await createEventBus(config.eventBus, databaseUrl, logger));
  const directoryCache = new DirectoryCache();
  const service = await createSubgraphService({
    name: 'incidents',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildIncidentsSchema,
    logger,
    onQuery: deps.onQuery,
    bus,
    seed: async (em) => {
      const seeded = await seedReferenceData(em);
      if (seeded.categories || seeded.calendarDays) logger.info(seeded, 'reference data added');
    },
    extendContext: (context): IncidentsContext => ({
      ...context,
      clock,
      config,
      directory: new DirectoryLookup(directoryClient, context.loaders, context.requestId, directoryCache),
    }),
  });
  // Units and agencies the directory announces as changed are dropped from the cache (every instance).
  await directoryCache.follow(bus, logger);
  const scheduler = new FollowUpScheduler(service.orm, clock, logger);
  scheduler.start(config.schedulerIntervalMs);
  // Sectors' breaches (docs/sector-pattern.md) arrive on the bus and become alerts here.
  const sectorAlerts = new BusConsumer(service.orm, bus, 'sector-alerts', sectorAlertHandler(clock, logger), logger);
  await sectorAlerts.start();
  return {
    ...service,
    scheduler,
    async stop() {
      await sectorAlerts.stop();
      await directoryCache.stop();
      await scheduler.stop();
      await service.stop();
      if (!deps.bus) await bus.close();
    },
  };
}
