import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { DirectiveAddressee, OperationDirective } from './directive/directive';
import { DirectiveAddresseeResolver, DirectiveResolver } from './directive/directive.resolver';
import { AgencyCommandResolver } from './agency/agency.resolver';
import { FieldUnitCommandResolver } from './fieldUnit/fieldUnit.resolver';
import { foreignReferences } from './foreign/entities';
import { IncidentOperationResolver } from './incident/incident.resolver';
import { LogEntryResolver } from './log/log.resolver';
import { OperationLogEntry } from './log/logEntry';
import { Operation } from './operation/operation';
import { OperationMutations } from './operation/operation.mutations';
import { operationReferences } from './operation/operation.reference';
import { OperationResolver } from './operation/operation.resolver';
import { Playbook } from './playbook/playbook';
import { PlaybookResolver } from './playbook/playbook.resolver';
import { OperationResource } from './resource/resource';
import { ResourceResolver } from './resource/resource.resolver';
import { SituationReport } from './situationReport/situationReport';
import { SituationReportResolver } from './situationReport/situationReport.resolver';
import { OperationTask } from './task/task';
import { TaskMutations } from './task/task.mutations';
import { TaskResolver } from './task/task.resolver';

/** The command subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [
  Playbook,
  Operation,
  OperationTask,
  OperationDirective,
  DirectiveAddressee,
  OperationResource,
  SituationReport,
  OperationLogEntry,
  AuditEntry,
  OutboxEvent,
];

/** The command subgraph's federated schema. */
export function buildCommandSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        PlaybookResolver,
        OperationResolver,
        OperationMutations,
        TaskResolver,
        TaskMutations,
        DirectiveResolver,
        DirectiveAddresseeResolver,
        ResourceResolver,
        SituationReportResolver,
        LogEntryResolver,
        IncidentOperationResolver,
        AgencyCommandResolver,
        FieldUnitCommandResolver,
      ],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...operationReferences, ...foreignReferences },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'command', buildSchema: buildCommandSchema };
