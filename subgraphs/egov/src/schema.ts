import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { UnitPublicServicesResolver } from './administrativeUnit/unitPublicServices.resolver';
import { AgencyPublicServicesResolver } from './agency/agencyPublicServices.resolver';
import { Dossier, HourlyDossier } from './dossier/dossier';
import { DossierResolver } from './dossier/dossier.resolver';
import { AdministrativeUnit, foreignReferences } from './foreign/entities';
import { Procedure, ServiceAgency } from './procedure/procedure';
import { procedureReference } from './procedure/procedure.reference';
import { ProcedureResolver } from './procedure/procedure.resolver';
import { EgovBreach, EgovRule } from './rule/rule';
import { EgovRuleResolver } from './rule/rule.resolver';

/** The e-government subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [ServiceAgency, Procedure, Dossier, HourlyDossier, EgovRule, EgovBreach, OutboxEvent, AuditEntry];

/** The e-government subgraph's federated schema. */
export function buildEgovSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [ProcedureResolver, DossierResolver, UnitPublicServicesResolver, AgencyPublicServicesResolver, EgovRuleResolver],
      // No field of this subgraph returns a unit: without this its `publicServices` extension would not be emitted.
      orphanedTypes: [AdministrativeUnit],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...foreignReferences, ...procedureReference },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'egov', buildSchema: buildEgovSchema };
