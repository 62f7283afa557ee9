import type { MigrationObject } from '@mikro-orm/core';
import type { Orm } from '../database/orm';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { CommonConfig } from '../config';
import { createOrm, migrate, type OrmOptions } from '../database';
import { Gauge } from 'prom-client';
import { createEventBus, OutboxRelay, type EventBus, type EventBusConfig } from '../events';
import type { Logger } from '../logging';
import type { SubgraphContext } from './context';
import type { BulkIngestRoute } from './bulkIngestRoutes';
import { createSubgraphServer, type SubgraphServer } from './createSubgraphServer';

export interface SubgraphServiceOptions {
  name: string;
  databaseUrl: string;
  config: Pick<
    CommonConfig,
    'gatewaySecret' | 'gatewaySignature' | 'exposeErrors' | 'metrics' | 'httpKeepAliveTimeoutMs' | 'ingestMaxBodyBytes'
  > & {
    eventBus: EventBusConfig;
  };
  entities: OrmOptions['entities'];
  migrations: MigrationObject[];
  buildSchema: () => Promise<GraphQLSchema>;
  logger: Logger;
  onQuery?: (sql: string) => void;
  /** The bus to relay the outbox to; made from the config when not given (and then closed at stop). */
  bus?: EventBus;
  /** Runs after the migrations: reference or demo data. */
  seed?: (em: EntityManager) => Promise<void>;
  extendContext?: (context: SubgraphContext) => SubgraphContext;
  /** Its bulk ingest routes (`POST /ingest/v1/…`); see {@link BulkIngestRoute}. */
  bulkRoutes?: readonly BulkIngestRoute[];
}

export interface SubgraphService extends SubgraphServer {
  orm: Orm;
  relay: OutboxRelay;
}

/**
 * A subgraph on its own PostgreSQL schema: connects, applies its committed migrations, seeds, starts
 * the relay of its outbox to the event bus, and builds (without listening) its HTTP server. `stop()`
 * undoes all of it in order.
 */
export async function createSubgraphService(options: SubgraphServiceOptions): Promise<SubgraphService> {
  const { name, logger } = options;
  const orm = await createOrm({
    url: options.databaseUrl,
    schema: name,
    entities: options.entities,
    migrations: options.migrations,
    onQuery: options.onQuery,
  });
  try {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    await options.seed?.(orm.em.fork());
    const server = await createSubgraphServer({
      name,
      schema: await options.buildSchema(),
      orm,
      config: options.config,
      logger,
      extendContext: options.extendContext,
      bulkRoutes: options.bulkRoutes,
    });
    const bus = options.bus ?? (await createEventBus(options.config.eventBus, options.databaseUrl, logger));
    // 1 while this instance relays the outbox, 0 as a standby or while its database connection is lost.
    const relayActive = new Gauge({
      name: 'outbox_relay_active',
      help: 'Whether this instance relays its outbox',
      registers: [server.registry],
    });
    const relay = new OutboxRelay(orm, options.databaseUrl, bus, name, logger, {
      onRole: (role) => relayActive.set(role === 'active' ? 1 : 0),
    });
    await relay.start();
    return {
      ...server,
      orm,
      relay,
      async stop() {
        await relay.stop();
        if (!options.bus) await bus.close();
        await server.stop();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
