import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { AdministrativeUnit } from './administrativeUnit/administrativeUnit';
import { administrativeUnitReference } from './administrativeUnit/administrativeUnit.reference';
import { AdministrativeUnitResolver } from './administrativeUnit/administrativeUnit.resolver';
import { Agency } from './agency/agency';
import { agencyReference } from './agency/agency.reference';
import { AgencyResolver } from './agency/agency.resolver';
import { FieldUnit } from './fieldUnit/fieldUnit';
import { fieldUnitReference } from './fieldUnit/fieldUnit.reference';
import { FieldUnitResolver } from './fieldUnit/fieldUnit.resolver';
import { HistoryResolver } from './history/history.resolver';
import { Person } from './person/person';
import { personReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';

/** The directory's tables, all in its own PostgreSQL schema. */
export const entities = [AdministrativeUnit, Agency, FieldUnit, Person, AuditEntry, OutboxEvent];

/** The directory subgraph's federated schema. */
export function buildDirectorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [AdministrativeUnitResolver, AgencyResolver, FieldUnitResolver, PersonResolver, HistoryResolver],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...administrativeUnitReference, ...agencyReference, ...fieldUnitReference, ...personReference },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'directory', buildSchema: buildDirectorySchema };
