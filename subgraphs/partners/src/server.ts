import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedPartners } from '../seeds/seed';
import type { PartnersConfig } from './config';
import type { PartnersContext } from './context';
import { buildPartnersSchema, entities } from './schema';

export { readPartnersConfig, readPartnersConfig as readConfig, type PartnersConfig } from './config';
export { buildPartnersSchema, entities } from './schema';
/** For the launcher's embedded demo: a key with a secret it chose (never in production). */
export { seedDemoApiKey, demoPartnerId } from '../seeds/seed';
export { PARTNER_LICENCES } from './vocabulary';

export type PartnersServer = SubgraphService;

/**
 * Builds the partners subgraph on a database: connects, applies its migrations, adds the demo partners
 * if asked (never a key), relays its outbox (keys issued and revoked, which gateways cache), and
 * returns a server that is not yet listening.
 */
export function createServer(config: PartnersConfig, databaseUrl: string, deps: SubgraphDependencies = {}): Promise<PartnersServer> {
  const logger = deps.logger ?? createLogger('partners', config.logLevel);
  const clock = deps.clock ?? systemClock;
  return createSubgraphService({
    name: 'partners',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildPartnersSchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: async (em) => {
      if (!config.seedDemoData) return;
      const added = await seedPartners(em);
      if (added) logger.info({ partners: added }, 'demo data loaded');
    },
    extendContext: (context): PartnersContext => ({ ...context, clock }),
  });
}
