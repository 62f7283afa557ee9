import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DetectionKind } from '../vocabulary';

/**
 * One detection of a camera's analytics, as its platform sent it. `(source, sourceId)` is unique: a
 * batch delivered twice is stored once. The plate is personal data: only staff read it.
 */
@Entity({ tableName: 'detection' })
@Unique({ properties: ['source', 'sourceId'] })
@Index({ properties: ['cameraId', 'detectedAt'] })
@Index({ properties: ['detectedAt'] })
@ObjectType({ description: 'One detection of a camera’s analytics (phát hiện): a violation, an accident or congestion' })
export class Detection {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  @Field(() => ID, { description: 'Unique id of the detection' })
  id!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The sending system' })
  source!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The detection’s id in the sending system' })
  sourceId!: string;

  @Property({ type: 'uuid' })
  cameraId!: string;

  @Enum({ items: () => DetectionKind })
  @Field(() => DetectionKind, { description: 'What was detected' })
  kind!: DetectionKind;

  /** The licence plate read (personal data): the field resolver is staff only. */
  @Property({ type: 'text', nullable: true })
  plate: string | null = null;

  @Property({ type: 'text' })
  imageUrl!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'The analytics’ confidence, 0 to 1' })
  confidence!: number;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the camera saw it (UTC)' })
  detectedAt!: Date;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** Detections per camera, kind and hour (hour start in UTC), maintained on ingest. */
@Entity({ tableName: 'hourly_detection' })
@Index({ properties: ['hour'] })
export class HourlyDetection {
  @PrimaryKey({ type: 'uuid' })
  cameraId!: string;

  @PrimaryKey({ type: 'text' })
  kind!: DetectionKind;

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;

  @Property({ type: 'integer' })
  count!: number;
}

/** One congestion measurement of a road segment (0 free-flowing to 5 standstill). */
@Entity({ tableName: 'congestion_reading' })
@Unique({ properties: ['source', 'sourceId'] })
@Index({ properties: ['segmentId', 'measuredAt'] })
export class CongestionReading {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'uuid' })
  segmentId!: string;

  @Property({ type: 'integer' })
  level!: number;

  @Property({ type: 'timestamptz' })
  measuredAt!: Date;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** How many detections of a kind fell in a bucket. */
@ObjectType({ description: 'How many detections of one kind fell in one time bucket (thống kê vi phạm)' })
export class ViolationStat {
  @Field({ description: 'The bucket’s start (midnight, Monday or the 1st in Asia/Ho_Chi_Minh for DAY, WEEK, MONTH)' })
  bucketStart!: Date;

  @Field(() => DetectionKind, { description: 'What was detected' })
  kind!: DetectionKind;

  @Field(() => Int, { description: 'Number of detections' })
  count!: number;
}

/** A road segment's congestion over one bucket. */
@ObjectType({ description: 'Average and highest congestion level of a road segment in one time bucket (mức ùn tắc)' })
export class CongestionPoint {
  @Field({ description: 'The bucket’s start (the hour, midnight, Monday or the 1st in Asia/Ho_Chi_Minh)' })
  bucketStart!: Date;

  @Field(() => Float, { description: 'The average level (0–5) of the measurements in the bucket' })
  averageLevel!: number;

  @Field(() => Int, { description: 'The highest level measured in the bucket' })
  maxLevel!: number;

  @Field(() => Int, { description: 'How many measurements fell in the bucket' })
  readings!: number;
}
