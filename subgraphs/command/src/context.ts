import { type Clock, SERVICE_IDENTITY, SubgraphClient, type SubgraphContext } from '@ioc-graph/platform';
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
    directory: new SubgraphClient('directory', config.directoryUrl, config.gatewaySecret, SERVICE_IDENTITY('command')),
    incidents: new SubgraphClient('incidents', config.incidentsUrl, config.gatewaySecret, SERVICE_IDENTITY('command')),
  };
}

/** Distinct, lower-cased ids in their first order (inputs may repeat an id or vary its case). */
export const distinctIds = (ids: readonly string[] | null | undefined): string[] => [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
