import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { SectorBreach, SectorRule } from '@ioc-graph/platform';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

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
registerEnumType(TrafficRuleKind, {
  name: 'TrafficRuleKind',
  description: 'What a traffic rule watches (loại quy tắc giao thông)',
  valuesConfig: {
    ACCIDENT: { description: 'An accident seen by a camera with enough confidence (tai nạn qua camera)' },
    CONGESTION: { description: 'A road segment congested at or above a level for a duration (ùn tắc kéo dài)' },
    CAMERA_OFFLINE: { description: 'A camera not heard from for a duration (camera mất kết nối)' },
  },
});

/**
 * A rule of the traffic sector (docs/sector-pattern.md, "Rules and alerts"), kept as data: the kit's
 * rule with a kind instead of a metric, and a category only when it raises alerts.
 */
@Entity({ tableName: 'rule' })
@ObjectType({ description: 'A traffic alert rule (quy tắc cảnh báo giao thông)' })
export class TrafficRule extends SectorRule {
  @Enum({ items: () => TrafficRuleKind })
  @Field(() => TrafficRuleKind, { description: 'What the rule watches' })
  kind!: TrafficRuleKind;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Confidence (ACCIDENT) or congestion level (CONGESTION); unused for CAMERA_OFFLINE' })
  threshold!: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'ACCIDENT: quiet minutes after which the breach ends' })
  clearAfterMinutes: number | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The incidents category of its alerts, e.g. TRF_ACCIDENT; null: no alert' })
  categoryCode: string | null = null;
}

/**
 * A breach of a rule at a camera or a road segment: at most one open per (rule, subject). Its peak is
 * the highest confidence or congestion level seen, or the minutes of silence (CAMERA_OFFLINE).
 */
@Entity({ tableName: 'breach' })
@Index({ properties: ['startedAt'] })
@Index({
  name: 'breach_open_unique',
  expression: 'create unique index "breach_open_unique" on "traffic"."breach" ("rule_id", "subject_id") where "ended_at" is null',
})
@ObjectType({ description: 'One breach of a traffic rule at a camera or a road segment (một lần vi phạm quy tắc giao thông)' })
export class TrafficBreach extends SectorBreach {
  @ManyToOne(() => TrafficRule)
  @Field(() => TrafficRule, { description: 'The rule breached' })
  rule!: TrafficRule;

  @Property({ type: 'text' })
  @Field({ description: 'Camera or RoadSegment' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The camera’s or segment’s code' })
  subjectCode!: string;
}
