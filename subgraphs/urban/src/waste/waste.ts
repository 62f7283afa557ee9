import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CollectionMethod } from '../vocabulary';

/**
 * A waste collection point (điểm tập kết rác) with its schedule: the ISO weekdays (1 Monday … 7 Sunday,
 * Asia/Ho_Chi_Minh) it must be collected on. It counts as collected on a local day when a truck's GPS
 * ping comes within `radiusMeters` of it that day, or when staff record a collection. Public.
 */
@Entity({ tableName: 'collection_point' })
@Index({
  name: 'collection_point_unit_lineage_index',
  expression: 'create index "collection_point_unit_lineage_index" on "urban"."collection_point" using gin ("unit_lineage")',
})
@ObjectType({ description: 'A waste collection point (điểm tập kết rác) and its collection days. Public' })
export class CollectionPoint {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The point’s code, e.g. BP-RAC-DX-01' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English' })
  nameEn!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Latitude (WGS 84)' })
  latitude!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Longitude (WGS 84)' })
  longitude!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'A truck’s ping within this many metres collects it' })
  radiusMeters!: number;

  @Property({ type: 'integer[]' })
  @Field(() => [Int], { description: 'ISO weekdays it is collected on (1 Monday … 7 Sunday, Asia/Ho_Chi_Minh)' })
  scheduleDays: number[] = [];

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The administrative unit it sits in' })
  unitId!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A waste collection truck (xe thu gom rác). Public; its GPS track is staff only. */
@Entity({ tableName: 'waste_truck' })
@ObjectType({ description: 'A waste collection truck (xe thu gom rác). Public; its positions are staff only' })
export class WasteTruck {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The truck’s code, e.g. BP-XE-RAC-01' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English' })
  nameEn!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Its licence plate' })
  plate!: string;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The administrative unit it serves' })
  unitId!: string;

  @Property({ type: 'timestamptz', nullable: true })
  lastPingAt: Date | null = null;

  @Property({ type: 'double', nullable: true })
  lastLatitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  lastLongitude: number | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One GPS ping of a truck. Idempotent by `(source, sourceId)`. Staff only. */
@Entity({ tableName: 'truck_ping' })
@Unique({ properties: ['source', 'sourceId'] })
@Index({ properties: ['truckId', 'at'] })
@ObjectType({ description: 'One GPS ping of a waste truck (vị trí xe). Staff only' })
export class TruckPing {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  @Field(() => ID, { description: 'Unique id of the ping' })
  id!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'uuid' })
  truckId!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Latitude (WGS 84)' })
  latitude!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Longitude (WGS 84)' })
  longitude!: number;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the truck was there (UTC)' })
  at!: Date;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** A collection point collected on one local day: the first GPS ping within its radius, or a staff record. */
@Entity({ tableName: 'collection' })
@Unique({ properties: ['pointId', 'localDay'] })
@Index({ properties: ['collectedAt'] })
@ObjectType({ description: 'A collection point collected on one Asia/Ho_Chi_Minh day (lượt thu gom). Public' })
export class Collection {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  pointId!: string;

  @Property({ type: 'date' })
  @Field({ description: 'The local day (YYYY-MM-DD, Asia/Ho_Chi_Minh)' })
  localDay!: string;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was collected (UTC)' })
  collectedAt!: Date;

  @Enum({ items: () => CollectionMethod })
  @Field(() => CollectionMethod, { description: 'How the collection was known' })
  method!: CollectionMethod;

  @Property({ type: 'uuid', nullable: true })
  truckId: string | null = null;

  @Property({ type: 'text', nullable: true })
  recordedBy: string | null = null;
}

/** Collections over one bucket. */
@ObjectType({ description: 'Collections over one Asia/Ho_Chi_Minh bucket (số lượt thu gom). Public' })
export class CollectionStat {
  @Field({ description: 'The bucket’s start' })
  bucketStart!: Date;

  @Field(() => Int, { description: 'Collection points collected' })
  collections!: number;
}
