import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { foreignReferences } from './foreign/entities';
import { UnitAirQualityResolver } from './administrativeUnit/unitAirQuality.resolver';
import { UnitWaterResolver } from './administrativeUnit/unitWater.resolver';
import { HourlyRollup, LatestReading, Reading, StationAqi } from './reading/reading';
import { ReadingResolver } from './reading/reading.resolver';
import { Breach, Rule } from './rule/rule';
import { RuleResolver } from './rule/rule.resolver';
import { FloodWatchResolver } from './station/floodWatch';
import { Station } from './station/station';
import { stationReference } from './station/station.reference';
import { StationResolver } from './station/station.resolver';

/** The environment subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [Station, Reading, LatestReading, HourlyRollup, StationAqi, Rule, Breach, OutboxEvent, AuditEntry];

/** The environment subgraph's federated schema. */
export function buildEnvironmentSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [StationResolver, ReadingResolver, UnitAirQualityResolver, UnitWaterResolver, RuleResolver, FloodWatchResolver],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...foreignReferences, ...stationReference },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'environment', buildSchema: buildEnvironmentSchema };
