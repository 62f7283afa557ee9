import { createLogger, createSubgraphService, type SubgraphDependencies, type SubgraphService, systemClock } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedCommand } from '../seeds/seed';
import type { CommandConfig } from './config';
import { subgraphClients, type CommandContext } from './context';
import { buildCommandSchema, entities } from './schema';

export { readCommandConfig, readCommandConfig as readConfig, type CommandConfig } from './config';
export { buildCommandSchema, entities } from './schema';

export type CommandServer = SubgraphService;

/** Builds the command subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: CommandConfig, databaseUrl: string, deps: SubgraphDependencies = {}): Promise<CommandServer> {
  const logger = deps.logger ?? createLogger('command', config.logLevel);
  const clock = deps.clock ?? systemClock;
  const clients = subgraphClients(config);
  return createSubgraphService({
    name: 'command',
    databaseUrl,
    config,
    entities,
    migrations,
    buildSchema: buildCommandSchema,
    logger,
    onQuery: deps.onQuery,
    bus: deps.bus,
    seed: (em) => seedCommand(em, logger),
    extendContext: (context): CommandContext => ({ ...context, clock, ...clients }),
  });
}
