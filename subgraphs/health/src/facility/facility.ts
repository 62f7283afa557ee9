import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { FacilityKind, FacilityLevel } from '../vocabulary';

/**
 * A health facility (cơ sở y tế): a hospital, a district health centre or a commune health station,
 * with its capacity. Where it sits is an administrative unit id plus the unit's lineage (ancestors, then
 * the unit), copied when it is written, so that subtree filters need no query across subgraphs. Its
 * registry entry is public; its current load (beds occupied, emergency queue) is staff data.
 */
@Entity({ tableName: 'facility' })
@Index({
  name: 'facility_unit_lineage_index',
  expression: 'create index "facility_unit_lineage_index" on "health"."facility" using gin ("unit_lineage")',
})
@ObjectType({ description: 'A health facility (cơ sở y tế): hospital, district health centre or commune health station. Public' })
@Directive('@key(fields: "id")')
export class Facility {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The facility’s code, e.g. BP-BV-DKT' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese, as written officially, e.g. "Bệnh viện Đa khoa tỉnh Bình Phước"' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English' })
  nameEn!: string;

  /** Name and address folded (lower case, no diacritics), for search with or without diacritics. */
  @Property({ type: 'text' })
  searchText!: string;

  @Enum({ items: () => FacilityKind })
  @Field(() => FacilityKind, { description: 'What the facility is' })
  kind!: FacilityKind;

  @Enum({ items: () => FacilityLevel })
  @Field(() => FacilityLevel, { description: 'Its level in the health system (tuyến)' })
  level!: FacilityLevel;

  @Property({ type: 'text' })
  @Field({ description: 'Street address (địa chỉ)' })
  address!: string;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The administrative unit it sits in' })
  unitId!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84)' })
  latitude!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84)' })
  longitude!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Inpatient beds in operation (giường bệnh thực kê)' })
  beds!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Emergency patients it can take at once (năng lực cấp cứu)' })
  emergencyCapacity!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Ambulances it runs (xe cứu thương)' })
  ambulances!: number;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'False while closed: its load reports are refused' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A commune or ward whose health station reports to the surveillance system (đơn vị báo cáo giám sát):
 * case counts are filed under it, and its lineage places them in district and province totals.
 */
@Entity({ tableName: 'reporting_unit' })
@Index({
  name: 'reporting_unit_lineage_index',
  expression: 'create index "reporting_unit_lineage_index" on "health"."reporting_unit" using gin ("unit_lineage")',
})
export class ReportingUnit {
  @PrimaryKey({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text' })
  @Unique()
  code!: string;

  @Property({ type: 'text' })
  nameVi!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];
}
