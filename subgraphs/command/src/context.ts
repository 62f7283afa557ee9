import { SERVICE_IDENTITY, SubgraphClient, type Clock, type SubgraphContext } from '@ioc-graph/platform';
import type { CommandConfig } from './config';

/** What every command resolver receives: the platform's request context plus the subgraph's services. */
export interface CommandContext extends SubgraphContext {
  clock: Clock;
  /** Calls to the directory and incidents subgraphs, to validate references when data is written. */
  directory: SubgraphClient;
  incidents: SubgraphClient;
}

/** Clients of the other subgraphs, signed as this service. */
export function subgraphClients(config: Pick<CommandConfig, 'directoryUrl' | 'incidentsUrl' | 'gatewaySecret'>) {
  return {
    directory: new SubgraphClient(config.directoryUrl, config.gatewaySecret, SERVICE_IDENTITY('command')),
    incidents: new SubgraphClient(config.incidentsUrl, config.gatewaySecret, SERVICE_IDENTITY('command')),
  };
}
