import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { UnitUrbanResolver } from './administrativeUnit/unitUrban.resolver';
import { foreignReferences } from './foreign/entities';
import { Inspection } from './inspection/inspection';
import { InspectionResolver } from './inspection/inspection.resolver';
import { HourlyLighting, LightingCabinet, LightingCircuit, LightingReport } from './lighting/lighting';
import { LightingCabinetResolver, LightingCircuitResolver } from './lighting/lighting.resolver';
import { UrbanBreach, UrbanRule } from './rule/rule';
import { UrbanRuleResolver } from './rule/rule.resolver';
import { Collection, CollectionPoint, TruckPing, WasteTruck } from './waste/waste';
import { CollectionPointResolver, WasteTruckResolver } from './waste/waste.resolver';

/** The urban subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [
  LightingCabinet,
  LightingCircuit,
  LightingReport,
  HourlyLighting,
  CollectionPoint,
  WasteTruck,
  TruckPing,
  Collection,
  Inspection,
  UrbanRule,
  UrbanBreach,
  OutboxEvent,
  AuditEntry,
];

/** The urban subgraph's federated schema. */
export function buildUrbanSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        LightingCabinetResolver,
        LightingCircuitResolver,
        CollectionPointResolver,
        WasteTruckResolver,
        InspectionResolver,
        UrbanRuleResolver,
        UnitUrbanResolver,
      ],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...foreignReferences },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'urban', buildSchema: buildUrbanSchema };
