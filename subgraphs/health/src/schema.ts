import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { UnitHealthCasesResolver, UnitHealthResolver } from './administrativeUnit/unitHealth.resolver';
import { Facility, ReportingUnit } from './facility/facility';
import { facilityReference } from './facility/facility.reference';
import { FacilityResolver } from './facility/facility.resolver';
import { FacilityLoad, HourlyLoad, LatestLoad } from './facility/load';
import { foreignReferences } from './foreign/entities';
import { HealthBreach, HealthRule } from './rule/rule';
import { HealthRuleResolver } from './rule/rule.resolver';
import { CaseReport, HourlyCases } from './surveillance/caseReport';
import { SurveillanceResolver } from './surveillance/surveillance.resolver';

/** The health subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [
  Facility,
  ReportingUnit,
  FacilityLoad,
  LatestLoad,
  HourlyLoad,
  CaseReport,
  HourlyCases,
  HealthRule,
  HealthBreach,
  OutboxEvent,
  AuditEntry,
];

/** The health subgraph's federated schema. */
export function buildHealthSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [FacilityResolver, SurveillanceResolver, UnitHealthResolver, UnitHealthCasesResolver, HealthRuleResolver],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...foreignReferences, ...facilityReference },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'health', buildSchema: buildHealthSchema };
