import type { SubgraphContext } from '@ioc-graph/platform';
import type { Clock } from '@ioc-graph/platform';
import type { IncidentsConfig } from './config';
import type { DirectoryLookup } from './foreign/directoryLookup';

/** What every incidents resolver receives: the platform's request context plus the subgraph's services. */
export interface IncidentsContext extends SubgraphContext {
  clock: Clock;
  directory: DirectoryLookup;
  config: Pick<
    IncidentsConfig,
    'citizenReportsPerHour' | 'duplicateRadiusMeters' | 'duplicateWindowHours' | 'capSender' | 'capProvinceCode'
  >;
}
