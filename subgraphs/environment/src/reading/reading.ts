import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Metric } from '../vocabulary';

/**
 * One raw measurement, as a station's platform sent it. Its key is `(source, sourceId)`: a batch
 * delivered twice is stored once (bulk ingest copies readings in by the thousand, so the table has no
 * other index to maintain: the newest reading of a station and metric is {@link LatestReading}). Raw
 * readings are staff data; the public sees rollups and AQI.
 */
@Entity({ tableName: 'reading' })
@ObjectType({ description: 'A raw measurement of a station' })
export class Reading {
  @PrimaryKey({ type: 'text' })
  @Field({ description: 'The sending system' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  @Field({ description: 'The reading’s id in the sending system' })
  sourceId!: string;

  @Property({ type: 'uuid' })
  stationId!: string;

  @Enum({ items: () => Metric })
  @Field(() => Metric, { description: 'What was measured' })
  metric!: Metric;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'The value, in the metric’s unit' })
  value!: number;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was measured (UTC)' })
  measuredAt!: Date;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** The newest reading of one metric at one station (by measuredAt), kept by ingest in the batch's transaction. */
@Entity({ tableName: 'latest_reading' })
export class LatestReading {
  @PrimaryKey({ type: 'uuid' })
  stationId!: string;

  @PrimaryKey({ type: 'text' })
  metric!: Metric;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'double' })
  value!: number;

  @Property({ type: 'timestamptz' })
  measuredAt!: Date;
}

/** Hourly aggregate of one metric at one station (hour start in UTC), maintained on ingest. */
@Entity({ tableName: 'hourly_rollup' })
@Index({ properties: ['metric', 'hour'] })
export class HourlyRollup {
  @PrimaryKey({ type: 'uuid' })
  stationId!: string;

  @PrimaryKey({ type: 'text' })
  metric!: Metric;

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

/** The hourly VN_AQI of an air station, computed on ingest from its hourly rollups. */
@Entity({ tableName: 'station_aqi' })
@Index({ properties: ['hour'] })
export class StationAqi {
  @PrimaryKey({ type: 'uuid' })
  stationId!: string;

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;

  @Property({ type: 'integer' })
  aqi!: number;

  @Property({ type: 'text' })
  dominant!: string;

  @Property({ type: 'timestamptz' })
  computedAt!: Date;
}
