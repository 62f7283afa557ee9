import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { ApiKey } from './apiKey/apiKey';
import { ApiKeyResolver } from './apiKey/apiKey.resolver';
import { GatewayResolver } from './gateway/gateway.resolver';
import { Partner } from './partner/partner';
import { PartnerResolver } from './partner/partner.resolver';

/** The partners subgraph's tables, all in its own PostgreSQL schema (daily usage is read and written in SQL). */
export const entities = [Partner, ApiKey, OutboxEvent, AuditEntry];

/** The partners subgraph's federated schema. */
export function buildPartnersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [PartnerResolver, ApiKeyResolver, GatewayResolver],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    {},
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'partners', buildSchema: buildPartnersSchema };
