import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Severity } from '../vocabulary';

/** What a traffic rule watches (src/rule/evaluate.ts judges each). */
export enum TrafficRuleKind {
  /** An ACCIDENT detection with confidence ≥ threshold at a camera; the breach ends after `clearAfterMinutes` without one. */
  ACCIDENT = 'ACCIDENT',
  /** A segment's congestion level ≥ threshold for `durationMinutes`; ends at the first reading below it. */
  CONGESTION = 'CONGESTION',
  /**
   * A camera without heartbeat or detection for `durationMinutes` is OFFLINE; one that was ONLINE opens a
   * breach (an alert of `categoryCode`), ended when it is heard from again.
   */
  CAMERA_OFFLINE = 'CAMERA_OFFLINE',
}
registerEnumType(TrafficRuleKind, { name: 'TrafficRuleKind', description: 'Tai nạn qua camera, ùn tắc kéo dài, camera mất kết nối' });

/** A rule of the traffic sector (docs/sector-pattern.md, "Rules and alerts"), kept as data. */
@Entity({ tableName: 'rule' })
@ObjectType({ description: 'Quy tắc cảnh báo giao thông' })
export class TrafficRule {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'E.g. ACCIDENT_CONFIDENT' })
  code!: string;

  @Property({ type: 'text' })
  @Field()
  nameVi!: string;

  @Enum({ items: () => TrafficRuleKind })
  @Field(() => TrafficRuleKind)
  kind!: TrafficRuleKind;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Confidence (ACCIDENT) or congestion level (CONGESTION); unused for CAMERA_OFFLINE' })
  threshold!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'How long the condition must last (minutes)' })
  durationMinutes!: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'ACCIDENT: quiet minutes after which the breach ends' })
  clearAfterMinutes: number | null = null;

  @Enum({ items: () => Severity })
  @Field(() => Severity)
  severity!: Severity;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The incidents category of its alerts, e.g. TRF_ACCIDENT; null: no alert' })
  categoryCode: string | null = null;

  @Property({ type: 'boolean', default: true })
  @Field()
  active: boolean = true;
}

/** A breach of a rule at a camera or a road segment: at most one open per (rule, subject). */
@Entity({ tableName: 'breach' })
@Index({ properties: ['startedAt'] })
@Index({
  name: 'breach_open_unique',
  expression: 'create unique index "breach_open_unique" on "traffic"."breach" ("rule_id", "subject_id") where "ended_at" is null',
})
@ObjectType({ description: 'Một lần vi phạm quy tắc giao thông tại một camera hoặc đoạn đường' })
export class TrafficBreach {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = uuidv7();

  @ManyToOne(() => TrafficRule)
  @Field(() => TrafficRule)
  rule!: TrafficRule;

  @Property({ type: 'text' })
  @Field({ description: 'Camera or RoadSegment' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The camera’s or segment’s code' })
  subjectCode!: string;

  @Property({ type: 'timestamptz' })
  @Field()
  startedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field()
  lastSeenAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Highest confidence or congestion level seen; minutes of silence (CAMERA_OFFLINE)' })
  peakValue!: number;

  @Enum({ items: () => Severity })
  @Field(() => Severity)
  severity!: Severity;
}
