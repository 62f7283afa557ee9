import { AuditEntry, buildFederatedSchema, BusCursor, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { Alert } from './alert/alert';
import { AlertResolver } from './alert/alert.resolver';
import { CalendarResolver } from './calendar/calendar.resolver';
import { CalendarDay } from './calendar/calendarDay';
import { Category } from './category/category';
import { CategoryResolver } from './category/category.resolver';
import { CitizenReportResolver } from './citizenReport/citizenReport.resolver';
import { foreignReferences } from './foreign/entities';
import { FollowUpTimer } from './followUp/followUpTimer';
import { Incident } from './incident/incident';
import { IncidentMutations } from './incident/incident.mutations';
import { incidentReferences } from './incident/incident.reference';
import { IncidentResolver } from './incident/incident.resolver';
import { Publication, Rating } from './publication/publication';
import { PublicWarning } from './publicWarning/publicWarning';
import { PublicWarningMutations } from './publicWarning/publicWarning.mutations';
import { PublicWarningMessageResolver, PublicWarningResolver } from './publicWarning/publicWarning.resolver';
import { PublicWarningMessage } from './publicWarning/publicWarningMessage';
import { PublicationResolver } from './publication/publication.resolver';
import { AgencyWorkloadResolver, StatsResolver, UnitWorkloadResolver } from './stats/stats.resolver';
import { TimelineEntry } from './timeline/timelineEntry';

/** The incidents subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [
  Category,
  CalendarDay,
  Alert,
  Incident,
  TimelineEntry,
  FollowUpTimer,
  Publication,
  Rating,
  PublicWarning,
  PublicWarningMessage,
  AuditEntry,
  OutboxEvent,
  BusCursor,
];

/** The incidents subgraph's federated schema. */
export function buildIncidentsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        CategoryResolver,
        CalendarResolver,
        AlertResolver,
        CitizenReportResolver,
        IncidentResolver,
        IncidentMutations,
        PublicationResolver,
        PublicWarningResolver,
        PublicWarningMessageResolver,
        PublicWarningMutations,
        StatsResolver,
        UnitWorkloadResolver,
        AgencyWorkloadResolver,
      ],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...incidentReferences, ...foreignReferences },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'incidents', buildSchema: buildIncidentsSchema };
