import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * One load report of a facility, as its hospital information system sent it (beds occupied, emergency
 * patients waiting, ambulances available at a moment). Its key is `(source, sourceId)`: a batch
 * delivered twice is stored once. Staff data.
 */
@Entity({ tableName: 'facility_load' })
@Index({ properties: ['facilityId', 'reportedAt'] })
export class FacilityLoad {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'uuid' })
  facilityId!: string;

  @Property({ type: 'timestamptz' })
  reportedAt!: Date;

  @Property({ type: 'integer' })
  bedsOccupied!: number;

  @Property({ type: 'integer' })
  emergencyWaiting!: number;

  @Property({ type: 'integer' })
  ambulancesAvailable!: number;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** The newest load report of a facility (by reportedAt), kept by ingest in the batch's transaction. */
@Entity({ tableName: 'latest_load' })
@ObjectType({ description: 'The latest load a facility’s system reported (tình trạng tải hiện tại). Staff roles only' })
export class LatestLoad {
  @PrimaryKey({ type: 'uuid' })
  facilityId!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the facility reported it (UTC)' })
  reportedAt!: Date;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Inpatient beds occupied' })
  bedsOccupied!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Emergency patients waiting to be seen' })
  emergencyWaiting!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Ambulances available now' })
  ambulancesAvailable!: number;

  @Field(() => Float, { description: 'Beds occupied over beds in operation, in percent' })
  bedOccupancy!: number;
}

/** Hourly aggregate of one load metric at one facility (hour start in UTC), maintained on ingest. */
@Entity({ tableName: 'hourly_load' })
export class HourlyLoad {
  @PrimaryKey({ type: 'uuid' })
  facilityId!: string;

  @PrimaryKey({ type: 'text' })
  metric!: string;

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;

  @Property({ type: 'double' })
  sum!: number;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'double' })
  min!: number;

  @Property({ type: 'double' })
  max!: number;
}
