import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { CameraStatus } from '../vocabulary';

/**
 * A traffic camera (camera giám sát giao thông). Where it sits is an administrative unit id plus the
 * unit's lineage (ancestors, then the unit), copied when the camera is written, so that subtree filters
 * and statistics need no query across subgraphs. `status` is kept on ingest and re-checked when read
 * (see camera.status.ts): a camera not heard from for the CAMERA_OFFLINE rule's minutes is OFFLINE.
 */
@Entity({ tableName: 'camera' })
@Index({
  name: 'camera_unit_lineage_index',
  expression: 'create index "camera_unit_lineage_index" on "traffic"."camera" using gin ("unit_lineage")',
})
@ObjectType({
  description: 'A traffic camera (camera giám sát giao thông) with AI analytics. Public; its detections’ plates and images are staff only',
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class Camera {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The camera’s code, e.g. BP-CAM-QL14-DX01' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially, e.g. "Camera QL14 – ngã tư Đồng Xoài"' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, for English-language screens' })
  nameEn!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The road it watches, e.g. QL14' })
  roadName!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84)' })
  latitude!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84)' })
  longitude!: number;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The administrative unit it sits in' })
  unitId!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  @Enum({ items: () => CameraStatus })
  status: CameraStatus = CameraStatus.OFFLINE;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Its latest heartbeat (or detection); null if never heard from' })
  lastHeartbeatAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A road segment (đoạn đường) whose congestion level is measured. */
@Entity({ tableName: 'road_segment' })
@Index({
  name: 'road_segment_unit_lineage_index',
  expression: 'create index "road_segment_unit_lineage_index" on "traffic"."road_segment" using gin ("unit_lineage")',
})
@ObjectType({ description: 'A road segment whose congestion level is measured (đoạn đường theo dõi ùn tắc). Public' })
@Directive('@key(fields: "id")')
export class RoadSegment {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The segment’s code, e.g. BP-SEG-QL14-DX' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The road, e.g. QL14' })
  roadName!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Where it starts (a place name)' })
  fromPlace!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Where it ends (a place name)' })
  toPlace!: string;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'Id of the administrative unit it lies in' })
  unitId!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
