import { SERVICE_IDENTITY, SubgraphClient, type Clock, type SubgraphContext } from '@ioc-graph/platform';
import type { UrbanConfig } from './config';

/** What every urban resolver receives: the platform's request context, the clock and the directory client. */
export interface UrbanContext extends SubgraphContext {
  clock: Clock;
  /** Asked for the lineage of the unit an inspection record names. */
  directory: SubgraphClient;
}

/** The client of the directory subgraph, signed as this service. */
export const directoryClient = (config: Pick<UrbanConfig, 'directoryUrl' | 'gatewaySecret'>) =>
  new SubgraphClient('directory', config.directoryUrl, config.gatewaySecret, SERVICE_IDENTITY('urban'));
