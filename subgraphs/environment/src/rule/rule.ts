import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { MetricRule, RuleAggregate, RuleComparison, SectorBreach, Severity, windowHours } from '@ioc-graph/platform';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Station } from '../station/station';

export { RuleAggregate, RuleComparison as Comparison, Severity };

/** A threshold taken from each station instead of the rule: one of a water level gauge's alarm levels. */
export enum StationThreshold {
  ALARM_I = 'ALARM_I',
  ALARM_II = 'ALARM_II',
  ALARM_III = 'ALARM_III',
}
registerEnumType(StationThreshold, {
  name: 'StationThreshold',
  description: 'Alarm level I, II or III of a water level gauge (mức báo động I, II, III)',
  valuesConfig: {
    ALARM_I: { description: 'Alarm level I (báo động I)' },
    ALARM_II: { description: 'Alarm level II (báo động II)' },
    ALARM_III: { description: 'Alarm level III (báo động III)' },
  },
});

/** The metric of a rule: a `Metric` name, or `AQI` for the hourly VN_AQI. */
export const AQI = 'AQI';

/**
 * A rule of the environment sector (docs/sector-pattern.md, "Rules and alerts"): a metric (or AQI)
 * above a threshold for a duration, at a station inside an area's subtree, raises a breach of the
 * rule's severity in an incidents category. The duration is read in whole hours of rollup, rounded up
 * (0 = the current hour), compared by `aggregate`. The threshold is the rule's own, or each station's
 * alarm level (`thresholdFromStation`); a breach that also passes the escalation threshold is one CAP
 * step more severe.
 */
@Entity({ tableName: 'rule' })
@ObjectType({ description: 'An environment alert rule: a metric above a threshold for a duration (quy tắc cảnh báo môi trường)' })
export class Rule extends MetricRule {
  @Enum({ items: () => RuleAggregate })
  @Field(() => RuleAggregate, { description: 'Whether each hour’s average or the sum over the window is compared' })
  aggregate: RuleAggregate = RuleAggregate.AVERAGE;

  @Enum({ items: () => StationThreshold, nullable: true })
  @Field(() => StationThreshold, { nullable: true, description: 'The station’s alarm level used as the threshold, when threshold is null' })
  thresholdFromStation: StationThreshold | null = null;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Above it the breach is one CAP step more severe' })
  escalationThreshold: number | null = null;

  @Enum({ items: () => StationThreshold, nullable: true })
  @Field(() => StationThreshold, { nullable: true, description: 'The station’s alarm level used as the escalation threshold' })
  escalationFromStation: StationThreshold | null = null;
}

/** The whole hours of rollup a rule's duration covers: rounded up, at least the current hour, at most 24. */
export const ruleHours = (rule: Pick<Rule, 'durationMinutes'>) => windowHours(rule.durationMinutes);

/**
 * A breach of a rule at a station: open (no endedAt) while the rule is met, one open breach per
 * (rule, station) at most. Its start is the start of the rule's window (its first hour) when it opened.
 */
@Entity({ tableName: 'breach' })
@Index({ properties: ['startedAt'] })
@Index({
  name: 'breach_open_unique',
  expression: 'create unique index "breach_open_unique" on "environment"."breach" ("rule_id", "station_id") where "ended_at" is null',
})
@ObjectType({ description: 'One breach of an environment rule at a station (một lần vi phạm quy tắc tại một trạm)' })
export class Breach extends SectorBreach {
  @ManyToOne(() => Rule)
  @Field(() => Rule, { description: 'The rule breached' })
  rule!: Rule;

  @ManyToOne(() => Station)
  @Field(() => Station, { description: 'The station where it was breached' })
  station!: Station;
}
