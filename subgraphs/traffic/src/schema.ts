import { AuditEntry, buildFederatedSchema, OutboxEvent, roleAuthChecker } from '@ioc-graph/platform';
import type { GraphQLSchema } from 'graphql';
import { Camera, RoadSegment } from './camera/camera';
import { cameraReference } from './camera/camera.reference';
import { CameraResolver, RoadSegmentResolver } from './camera/camera.resolver';
import { CongestionReading, Detection, HourlyDetection } from './detection/detection';
import { DetectionResolver } from './detection/detection.resolver';
import { foreignReferences } from './foreign/entities';
import { UnitTrafficResolver } from './administrativeUnit/unitTraffic.resolver';
import { TrafficBreach, TrafficRule } from './rule/rule';
import { TrafficRuleResolver } from './rule/rule.resolver';

/** The traffic subgraph's tables, all in its own PostgreSQL schema. */
export const entities = [
  Camera,
  RoadSegment,
  Detection,
  HourlyDetection,
  CongestionReading,
  TrafficRule,
  TrafficBreach,
  OutboxEvent,
  AuditEntry,
];

/** The traffic subgraph's federated schema. */
export function buildTrafficSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [CameraResolver, RoadSegmentResolver, DetectionResolver, UnitTrafficResolver, TrafficRuleResolver],
      authChecker: roleAuthChecker,
      validate: { forbidUnknownValues: false, skipMissingProperties: false },
    },
    { ...foreignReferences, ...cameraReference },
  );
}

/** How `npm run compose` finds this subgraph's schema (its URL comes from subgraphs/registry.json). */
export const subgraph = { name: 'traffic', buildSchema: buildTrafficSchema };
