import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { Assignment, AssignmentLogEntry } from './assignment/assignment';
import { AssignmentMutations } from './assignment/assignment.mutations';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { FieldUnitLiveResolver } from './fieldUnit/fieldUnit.resolver';
import { foreignReferences } from './foreign/entities';
import { IncidentDispatchResolver } from './incident/incident.resolver';
import { CategoryNeed } from './recommend/categoryNeed';
import { RecommendResolver } from './recommend/recommend.resolver';
import { ResponseTimeResolver } from './responseTimes/responseTimes.resolver';
import { PositionReport, UnitState } from './unit/unitState';
import { assignmentReference } from './assignment/assignment.reference';

/** The dispatch subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [UnitState, PositionReport, Assignment, AssignmentLogEntry, CategoryNeed, OutboxEvent, AuditEntry];

/** The dispatch subgraph's federated schema. */
export function buildDispatchSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        AssignmentResolver,
        AssignmentMutations,
        FieldUnitLiveResolver,
        IncidentDispatchResolver,
        RecommendResolver,
        ResponseTimeResolver,
      ],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...foreignReferences, ...assignmentReference },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'dispatch', buildSchema: buildDispatchSchema };
