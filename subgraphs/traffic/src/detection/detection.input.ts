import { ConnectionType } from '@ioc-graph/platform';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DetectionKind } from '../vocabulary';
import { Detection } from './detection';

/** One detection as a camera platform sends it. */
@InputType({ description: 'One detection as a camera platform sends it' })
export class DetectionInput {
  @Field({ description: 'The camera’s code' })
  cameraCode!: string;

  @Field(() => DetectionKind, { description: 'What was detected' })
  kind!: DetectionKind;

  @Field(() => String, { nullable: true, description: 'The licence plate read, if any (personal data)' })
  plate?: string | null;

  @Field({ description: 'The evidence image (http or https URL)' })
  imageUrl!: string;

  @Field(() => Float, { description: '0 to 1' })
  confidence!: number;

  @Field({ description: 'When it was seen (not in the future)' })
  detectedAt!: Date;

  @Field({ description: 'Its id in the sending system: the same (source, sourceId) is stored once' })
  sourceId!: string;
}

/** A batch of detections from one sending system, validated as a whole. */
@InputType({ description: 'A batch of detections from one sending system, validated as a whole: one bad detection refuses the batch' })
export class IngestDetectionsInput {
  @Field({ description: 'The sending system, e.g. "camera-ai-bp"' })
  source!: string;

  @Field(() => [DetectionInput], { description: 'Up to 10,000 detections' })
  detections!: DetectionInput[];
}

@InputType({ description: 'A camera reporting itself alive' })
export class CameraHeartbeatInput {
  @Field({ description: 'The camera’s code' })
  cameraCode!: string;

  @Field({ description: 'When the camera reported itself alive' })
  at!: Date;
}

/** One congestion measurement of a road segment. */
@InputType({ description: 'One congestion measurement of a road segment' })
export class CongestionInput {
  @Field({ description: 'The road segment’s code, e.g. BP-SEG-QL14-DX' })
  segmentCode!: string;

  @Field(() => Int, { description: '0 (free-flowing) to 5 (standstill)' })
  level!: number;

  @Field({ description: 'When it was measured (not in the future)' })
  measuredAt!: Date;

  @Field({ description: 'Its id in the sending system: the same (source, sourceId) is stored once' })
  sourceId!: string;
}

@InputType({ description: 'A batch of congestion measurements from one sending system, validated as a whole' })
export class IngestCongestionInput {
  @Field({ description: 'The sending system, e.g. "traffic-flow-bp"' })
  source!: string;

  @Field(() => [CongestionInput], { description: 'Up to 10,000 measurements' })
  readings!: CongestionInput[];
}

/** What an ingest did: how many were new and how many were already known. */
@ObjectType({ description: 'What an ingest did: how many records were new and how many were already known' })
export class TrafficIngestResult {
  @Field(() => Int, { description: 'Records in the batch' })
  received!: number;

  @Field(() => Int, { description: 'New records written' })
  stored!: number;

  @Field(() => Int, { description: 'Records already known by (source, sourceId), not written again' })
  duplicates!: number;
}

@ObjectType({ description: 'What a heartbeat batch did' })
export class HeartbeatResult {
  @Field(() => Int, { description: 'Heartbeats in the batch' })
  received!: number;

  @Field(() => Int, { description: 'Cameras whose latest heartbeat moved forward' })
  camerasUpdated!: number;
}

@ObjectType({ description: 'A page of detections' })
export class DetectionConnection extends ConnectionType(Detection) {}
