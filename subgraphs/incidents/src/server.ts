import { createEventBus, createLogger, createOrm, createSubgraphServer, Loaders, migrate, OutboxRelay, type EventBus, type Logger, type SubgraphServer } from '@ioc-graph/platform';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { migrations } from '../migrations';
import { seedReferenceData } from '../seeds/referenceData';
import { systemClock, type Clock } from './clock';
import type { IncidentsContext } from './common';
import type { IncidentsConfig } from './config';
import { DirectoryLookup } from './directory/directoryLookup';
import { FollowUpScheduler } from './followUp/scheduler';
import { buildIncidentsSchema, entities } from './schema';

export { readIncidentsConfig, type IncidentsConfig } from './config';
export { buildIncidentsSchema, entities } from './schema';
export { ManualClock, systemClock, type Clock } from './clock';
export { categoryId } from '../seeds/referenceData';

export interface IncidentsServer extends SubgraphServer {
  orm: MikroORM;
  scheduler: FollowUpScheduler;
  relay: OutboxRelay;
}

export interface IncidentsDependencies {
  logger?: Logger;
  /** Called with every SQL statement (tests count statements). */
  onQuery?: (sql: string) => void;
  /** The time source of deadlines and follow-up; tests pass a ManualClock. */
  clock?: Clock;
  /** The event bus to relay the outbox to; made from the config when not given. */
  bus?: EventBus;
}

/**
 * Builds the incidents subgraph on a database: connects, applies its migrations, adds missing
 * reference data (categories, working calendar), starts the follow-up scheduler, and returns a server
 * that is not yet listening.
 */
export async function createServer(config: IncidentsConfig, databaseUrl: string, deps: IncidentsDependencies = {}): Promise<IncidentsServer> {
  const logger = deps.logger ?? createLogger('incidents', config.logLevel);
  const clock = deps.clock ?? systemClock;
  const orm = await createOrm({ url: databaseUrl, schema: 'incidents', entities, migrations, onQuery: deps.onQuery });
  try {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const seeded = await seedReferenceData(orm.em.fork() as EntityManager);
    if (seeded.categories || seeded.calendarDays) logger.info(seeded, 'reference data added');
    const directoryClient = DirectoryLookup.client(config.directoryUrl, config.gatewaySecret);
    const server = await createSubgraphServer({
      name: 'incidents',
      schema: await buildIncidentsSchema(),
      orm,
      config,
      logger,
      extendContext: (context): IncidentsContext => ({
        ...context,
        clock,
        config,
        directory: new DirectoryLookup(directoryClient, context.loaders ?? new Loaders(), context.requestId),
      }),
    });
    const scheduler = new FollowUpScheduler(orm, clock, logger);
    scheduler.start(config.schedulerIntervalMs);
    const bus = deps.bus ?? (await createEventBus(config.eventBus, databaseUrl, logger));
    const relay = new OutboxRelay(orm, databaseUrl, bus, 'incidents', logger);
    await relay.start();
    return {
      ...server,
      orm,
      scheduler,
      relay,
      async stop() {
        await scheduler.stop();
        await relay.stop();
        if (!deps.bus) await bus.close();
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
