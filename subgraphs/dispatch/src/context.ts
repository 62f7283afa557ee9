import { SERVICE_IDENTITY, SubgraphClient, type Clock, type SubgraphContext } from '@ioc-graph/platform';
import type { DispatchConfig } from './config';

/** What every dispatch resolver receives: the platform's request context plus the subgraph's services. */
export interface DispatchContext extends SubgraphContext {
  clock: Clock;
  /** Calls to the directory and incidents subgraphs, to validate references when data is written. */
  directory: SubgraphClient;
  incidents: SubgraphClient;
}

/** Clients of the other subgraphs, signed as this service. */
export function subgraphClients(config: Pick<DispatchConfig, 'directoryUrl' | 'incidentsUrl' | 'gatewaySecret'>) {
  return {
    directory: new SubgraphClient('directory', config.directoryUrl, config.gatewaySecret, SERVICE_IDENTITY('dispatch')),
    incidents: new SubgraphClient('incidents', config.incidentsUrl, config.gatewaySecret, SERVICE_IDENTITY('dispatch')),
  };
}
