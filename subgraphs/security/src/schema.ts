import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { UnitSecurityResolver } from './administrativeUnit/unitSecurity.resolver';
import { Commune } from './commune/commune';
import { foreignReferences } from './foreign/entities';
import { HourlyReport, SecurityReport } from './report/report';
import { SecurityMonthlyCountResolver, SecurityReportResolver } from './report/report.resolver';
import { SecurityBreach, SecurityRule } from './rule/rule';
import { SecurityRuleResolver } from './rule/rule.resolver';

/** The security subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [Commune, SecurityReport, HourlyReport, SecurityRule, SecurityBreach, OutboxEvent, AuditEntry];

/** The security subgraph's federated schema. */
export function buildSecuritySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SecurityReportResolver, SecurityMonthlyCountResolver, SecurityRuleResolver, UnitSecurityResolver],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...foreignReferences },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'security', buildSchema: buildSecuritySchema };
