import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { uuidv7 } from '@ioc-graph/platform';
import { UnitStatus } from '../vocabulary';

/**
 * The live state of one field unit (the roster itself stays in the directory): its status, latest
 * position and active assignment. Created the first time the unit is dispatched or reports.
 */
@Entity({ tableName: 'unit_state' })
@ObjectType('FieldUnitLiveState', { description: 'A field unit’s live state: status and latest position' })
export class UnitState {
  @PrimaryKey({ type: 'uuid' })
  fieldUnitId!: string;

  @Enum({ items: () => UnitStatus })
  @Field(() => UnitStatus, { description: 'What the unit is doing now' })
  status: UnitStatus = UnitStatus.AVAILABLE;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  positionAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  activeAssignmentId: string | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the status or position last changed (UTC)' })
  updatedAt!: Date;

  @Property({ version: true, type: 'integer' })
  version!: number;
}

/** One reported position of a unit (AVL or the crew's app), kept as a short track. */
@Entity({ tableName: 'position_report' })
@Index({ properties: ['fieldUnitId', 'at'] })
@ObjectType('UnitPosition', { description: 'Where a unit was, when' })
export class PositionReport {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  fieldUnitId!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84)' })
  latitude!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84)' })
  longitude!: number;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the fix was taken (UTC)' })
  at!: Date;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Speed in km/h; null when not reported' })
  speedKmh: number | null = null;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Heading in degrees clockwise from north, 0–360; null when not reported' })
  heading: number | null = null;
}
