import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { uuidv7 } from '@ioc-graph/platform';
import { StationKind } from '../vocabulary';

/** The alarm levels of a water level gauge (báo động I, II, III), in metres on the gauge's datum. */
@ObjectType({ description: 'Flood alarm levels I, II and III of a water level gauge (mức báo động), in metres on the gauge’s datum' })
export class AlarmLevels {
  @Field(() => Float, { description: 'Alarm level I (báo động I), m' })
  level1!: number;

  @Field(() => Float, { description: 'Alarm level II (báo động II), m' })
  level2!: number;

  @Field(() => Float, { description: 'Alarm level III (báo động III), m' })
  level3!: number;
}

/**
 * A monitoring station (trạm quan trắc). Where it sits is an administrative unit id plus the unit's
 * lineage (ancestors, then the unit), copied when the station is written, so that subtree filters
 * and statistics need no query across subgraphs.
 */
@Entity({ tableName: 'station' })
@Index({
  name: 'station_unit_lineage_index',
  expression: 'create index "station_unit_lineage_index" on "environment"."station" using gin ("unit_lineage")',
})
@ObjectType({ description: 'A monitoring station (trạm quan trắc): air, water, noise, rain gauge or water level gauge. Public' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class Station {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The station’s code, e.g. BP-KK-DX01' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially, e.g. "Trạm đo mực nước hồ Thác Mơ"' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, for English-language screens' })
  nameEn!: string;

  @Enum({ items: () => StationKind })
  @Field(() => StationKind, { description: 'What it measures' })
  kind!: StationKind;

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

  /** Alarm levels I, II, III (m) of a water level gauge; null elsewhere. */
  @Property({ type: 'double', nullable: true })
  alarmLevel1: number | null = null;

  @Property({ type: 'double', nullable: true })
  alarmLevel2: number | null = null;

  @Property({ type: 'double', nullable: true })
  alarmLevel3: number | null = null;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'False while decommissioned: its readings are refused' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
