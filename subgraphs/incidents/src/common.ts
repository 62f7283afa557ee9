import { Role, type SubgraphContext } from '@ioc-graph/platform';
import type { Clock } from '@ioc-graph/platform';
import type { IncidentsConfig } from './config';
import type { DirectoryLookup } from './directory/directoryLookup';

/** What every incidents resolver receives: the platform's request context plus the subgraph's services. */
export interface IncidentsContext extends SubgraphContext {
  clock: Clock;
  directory: DirectoryLookup;
  config: Pick<IncidentsConfig, 'citizenReportsPerHour' | 'duplicateRadiusMeters' | 'duplicateWindowHours'>;
}

/** The center's own roles: they see every alert and incident. */
export const CENTER_ROLES = [Role.LEADER, Role.OPERATOR];

/** Roles that read incidents: the center, and agencies and their field officers (their own agency's only). */
export const INCIDENT_READERS = [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER];
