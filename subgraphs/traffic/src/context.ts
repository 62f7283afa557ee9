import { SERVICE_IDENTITY, SubgraphClient, type Clock, type SubgraphContext } from '@ioc-graph/platform';
import type { TrafficConfig } from './config';

/** What every traffic resolver receives: the platform's request context plus the subgraph's services. */
export interface TrafficContext extends SubgraphContext {
  clock: Clock;
  /** Calls to the directory (unit lineage) and incidents subgraphs, signed as this service. */
  directory: SubgraphClient;
  incidents: SubgraphClient;
}

/** Clients of the other subgraphs, signed as this service. */
export function subgraphClients(config: Pick<TrafficConfig, 'directoryUrl' | 'incidentsUrl' | 'gatewaySecret'>) {
  return {
    directory: new SubgraphClient(config.directoryUrl, config.gatewaySecret, SERVICE_IDENTITY('traffic')),
    incidents: new SubgraphClient(config.incidentsUrl, config.gatewaySecret, SERVICE_IDENTITY('traffic')),
  };
}
