import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { InspectionKind, InspectionStatus } from '../vocabulary';

/**
 * An urban-order inspection record (biên bản kiểm tra trật tự đô thị) filed from the field by an
 * inspection team (a directory field unit; its officers hold FIELD_OFFICER with `field_unit_id`).
 * Staff only. When reported to the center it raises one alert through the incidents subgraph's intake
 * (an `urban.breachOpened` event keyed by the record's id); remedied, the alert's timeline says so.
 */
@Entity({ tableName: 'inspection' })
@Index({
  name: 'inspection_unit_lineage_index',
  expression: 'create index "inspection_unit_lineage_index" on "urban"."inspection" using gin ("unit_lineage")',
})
@Index({ properties: ['observedAt'] })
@ObjectType({ description: 'An urban-order inspection record (biên bản kiểm tra trật tự đô thị). Staff only' })
export class Inspection {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Enum({ items: () => InspectionKind })
  @Field(() => InspectionKind, { description: 'What was found' })
  kind!: InspectionKind;

  @Property({ type: 'text' })
  @Field({ description: 'What the team saw' })
  description!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Where: house number and street' })
  address!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Latitude (WGS 84)' })
  latitude!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Longitude (WGS 84)' })
  longitude!: number;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The administrative unit (ward or commune) it lies in' })
  unitId!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The inspection team (directory FieldUnit) that filed it' })
  fieldUnitId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The agency of the person who filed it' })
  agencyId: string | null = null;

  @Property({ type: 'text' })
  @Field({ description: 'Who filed it (the token’s subject)' })
  filedBy!: string;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the team saw it' })
  observedAt!: Date;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'Photo URLs' })
  photos: string[] = [];

  @Enum({ items: () => InspectionStatus })
  @Field(() => InspectionStatus, { description: 'Open, or remedied' })
  status: InspectionStatus = InspectionStatus.OPEN;

  @Property({ type: 'boolean' })
  @Field({ description: 'Whether it was reported to the center (one alert raised)' })
  reportedToCenter: boolean = false;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was found remedied' })
  remediedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was filed' })
  createdAt!: Date;
}
