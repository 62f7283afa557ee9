import { createLogger, createSubgraphService, systemClock, type Clock, type EventBus, type Logger, type SubgraphService } from '@ioc-graph/platform';
import { migrations } from '../migrations';
import { seedCommand } from '../seeds/seed';
import type { CommandConfig } from './config';
import { subgraphClients, type CommandContext } from './context';
import { buildCommandSchema, entities } from './schema';

export { readCommandConfig, type CommandConfig } from './config';
export { buildCommandSchema, entities } from './schema';

export type CommandServer = SubgraphService;

export interface CommandDependencies {
  logger?: Logger;
  /** Called with every SQL statement (tests count statements). */
  onQuery?: (sql: string) => void;
  /** The time source of every timestamp; tests pass a ManualClock. */
  clock?: Clock;
  /** The event bus to relay the outbox to; made from the config when not given. */
  bus?: EventBus;
}

/** Builds the command subgraph on a database (migrated, seeded, relaying its outbox); not yet listening. */
export function createServer(config: CommandConfig, databaseUrl: string, deps: CommandDependencies = {}): Promise<CommandServer> {
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
