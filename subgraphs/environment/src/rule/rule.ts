import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Station } from '../station/station';

import { Severity } from '@ioc-graph/platform';

export { Severity };

/** How a rule compares its value with its threshold. */
export enum Comparison {
  ABOVE = 'ABOVE',
}
registerEnumType(Comparison, { name: 'RuleComparison', description: 'Vượt ngưỡng (giá trị lớn hơn ngưỡng)' });

/**
 * What value of the hourly rollups a rule compares:
 * - AVERAGE: each hour of the rule's window, by its hourly average (the hourly VN_AQI for `AQI`), must breach;
 * - SUM: the sum of the metric over the window's hours (e.g. rainfall in 3 hours) must breach.
 */
export enum RuleAggregate {
  AVERAGE = 'AVERAGE',
  SUM = 'SUM',
}
registerEnumType(RuleAggregate, { name: 'RuleAggregate', description: 'Mỗi giờ theo trung bình giờ, hoặc tổng trong cả khoảng thời gian' });

/** A threshold taken from each station instead of the rule: one of a water level gauge's alarm levels. */
export enum StationThreshold {
  ALARM_I = 'ALARM_I',
  ALARM_II = 'ALARM_II',
  ALARM_III = 'ALARM_III',
}
registerEnumType(StationThreshold, { name: 'StationThreshold', description: 'Mức báo động I, II, III của trạm đo mực nước' });

/** The metric of a rule: a `Metric` name, or `AQI` for the hourly VN_AQI. */
export const AQI = 'AQI';

/**
 * A rule of the environment sector (docs/sector-pattern.md, "Rules and alerts"): a metric (or AQI)
 * above a threshold for a duration, at a station inside an area's subtree, raises a breach of the
 * rule's severity in an incidents category. The threshold is the rule's own, or each station's alarm
 * level (`thresholdFromStation`); a breach that also passes the escalation threshold is one CAP step
 * more severe.
 */
@Entity({ tableName: 'rule' })
@ObjectType({ description: 'Quy tắc cảnh báo môi trường: chỉ số vượt ngưỡng trong một khoảng thời gian' })
export class Rule {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'E.g. AQI_ABOVE_150' })
  code!: string;

  @Property({ type: 'text' })
  @Field()
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'A Metric (PM2_5, RAINFALL, WATER_LEVEL…) or AQI (the hourly VN_AQI)' })
  metric!: string;

  @Enum({ items: () => RuleAggregate })
  @Field(() => RuleAggregate)
  aggregate: RuleAggregate = RuleAggregate.AVERAGE;

  @Enum({ items: () => Comparison })
  @Field(() => Comparison)
  comparison: Comparison = Comparison.ABOVE;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Null when the threshold is each station’s (thresholdFromStation)' })
  threshold: number | null = null;

  @Enum({ items: () => StationThreshold, nullable: true })
  @Field(() => StationThreshold, { nullable: true })
  thresholdFromStation: StationThreshold | null = null;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Above it the breach is one CAP step more severe' })
  escalationThreshold: number | null = null;

  @Enum({ items: () => StationThreshold, nullable: true })
  @Field(() => StationThreshold, { nullable: true })
  escalationFromStation: StationThreshold | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'How long it must breach: hours of rollup, rounded up; 0 = the current hour' })
  durationMinutes!: number;

  @Enum({ items: () => Severity })
  @Field(() => Severity)
  severity!: Severity;

  @Property({ type: 'text' })
  @Field({ description: 'The incidents category of its alerts, e.g. ENV_AQI_EXCEEDANCE' })
  categoryCode!: string;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The administrative unit whose subtree it covers; null = the whole province' })
  unitId: string | null = null;

  @Property({ type: 'boolean', default: true })
  @Field()
  active: boolean = true;
}

/**
 * A breach of a rule at a station: open (no endedAt) while the rule is met, one open breach per
 * (rule, station) at most.
 */
@Entity({ tableName: 'breach' })
@Index({ properties: ['startedAt'] })
@Index({
  name: 'breach_open_unique',
  expression: 'create unique index "breach_open_unique" on "environment"."breach" ("rule_id", "station_id") where "ended_at" is null',
})
@ObjectType({ description: 'Một lần vi phạm quy tắc tại một trạm' })
export class Breach {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = uuidv7();

  @ManyToOne(() => Rule)
  @Field(() => Rule)
  rule!: Rule;

  @ManyToOne(() => Station)
  @Field(() => Station)
  station!: Station;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'The start of the rule’s window (its first hour) when the breach opened' })
  startedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field()
  lastSeenAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'double' })
  @Field(() => Float)
  peakValue!: number;

  @Enum({ items: () => Severity })
  @Field(() => Severity)
  severity!: Severity;
}
