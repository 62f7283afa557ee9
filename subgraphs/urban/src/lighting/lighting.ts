import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LightingState } from '../vocabulary';

/**
 * A street-lighting cabinet (tủ điện chiếu sáng) with its controller. Where it sits is a unit id plus
 * the unit's lineage, copied when written. `lastReportAt` is its controller's latest report: a cabinet
 * silent for the CABINET_OFFLINE rule's minutes is offline. Public.
 */
@Entity({ tableName: 'lighting_cabinet' })
@Index({
  name: 'lighting_cabinet_unit_lineage_index',
  expression: 'create index "lighting_cabinet_unit_lineage_index" on "urban"."lighting_cabinet" using gin ("unit_lineage")',
})
@ObjectType({ description: 'A street-lighting cabinet (tủ điện chiếu sáng) and its controller. Public' })
export class LightingCabinet {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The cabinet’s code, e.g. BP-CS-DX-01' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese, e.g. "Tủ chiếu sáng đường Phú Riềng Đỏ"' })
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

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The administrative unit it sits in' })
  unitId!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Its controller’s latest report; null if never heard from' })
  lastReportAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A lighting circuit (lộ/tuyến chiếu sáng) of a cabinet, with the latest state its controller reported. */
@Entity({ tableName: 'lighting_circuit' })
@Index({
  name: 'lighting_circuit_unit_lineage_index',
  expression: 'create index "lighting_circuit_unit_lineage_index" on "urban"."lighting_circuit" using gin ("unit_lineage")',
})
@Index({ properties: ['cabinetId'] })
@ObjectType({ description: 'A lighting circuit (lộ chiếu sáng) of a cabinet, with its latest reported state. Public' })
export class LightingCircuit {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The circuit’s code, e.g. BP-CS-DX-01-L1' })
  code!: string;

  @Property({ type: 'uuid' })
  cabinetId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese: the street it lights' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English' })
  nameEn!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Lamps on the circuit' })
  lampCount!: number;

  @Enum({ items: () => LightingState, nullable: true })
  @Field(() => LightingState, { nullable: true, description: 'Its latest reported state; null if never reported' })
  state: LightingState | null = null;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Lamps failed in its latest report' })
  failedLamps: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Time of its latest report' })
  lastReportAt: Date | null = null;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The administrative unit its cabinet sits in' })
  unitId!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];
}

/** One report of a lighting controller about a circuit. Idempotent by `(source, sourceId)`. */
@Entity({ tableName: 'lighting_report' })
@Unique({ properties: ['source', 'sourceId'] })
@Index({ properties: ['circuitId', 'reportedAt'] })
export class LightingReport {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'uuid' })
  circuitId!: string;

  @Enum({ items: () => LightingState })
  state!: LightingState;

  @Property({ type: 'integer' })
  failedLamps!: number;

  @Property({ type: 'timestamptz' })
  reportedAt!: Date;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** Reports per circuit and UTC hour, with the sum and highest count of failed lamps, kept on ingest. */
@Entity({ tableName: 'hourly_lighting' })
@Index({ properties: ['hour'] })
export class HourlyLighting {
  @PrimaryKey({ type: 'uuid' })
  circuitId!: string;

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'double' })
  sum!: number;

  @Property({ type: 'double' })
  max!: number;
}

/** Lighting reports over one bucket of a unit's subtree. */
@ObjectType({ description: 'Lighting controllers’ reports over one Asia/Ho_Chi_Minh bucket (thống kê chiếu sáng). Public' })
export class LightingPoint {
  @Field({ description: 'The bucket’s start (the hour, local midnight, Monday or the 1st in Asia/Ho_Chi_Minh)' })
  bucketStart!: Date;

  @Field(() => Int, { description: 'Reports received' })
  reports!: number;

  @Field(() => Float, { description: 'Failed lamps per report, on average' })
  averageFailedLamps!: number;

  @Field(() => Int, { description: 'The most failed lamps one circuit reported' })
  maxFailedLamps!: number;
}
