import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { MetricRule, SectorBreach } from '@ioc-graph/platform';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Disease } from '../vocabulary';

/** What a health rule measures (src/rule/evaluateOutbreaks.ts and evaluateFacilities.ts judge them). */
export enum HealthMetric {
  /** Cases of the rule's disease in a commune in the ISO week (Asia/Ho_Chi_Minh) of its latest report. */
  WEEKLY_CASES = 'WEEKLY_CASES',
  /** Beds occupied over beds in operation, in percent, at a facility. */
  BED_OCCUPANCY = 'BED_OCCUPANCY',
  /** Emergency patients waiting at a facility. */
  EMERGENCY_WAITING = 'EMERGENCY_WAITING',
}
registerEnumType(HealthMetric, {
  name: 'HealthMetric',
  description: 'What a health rule measures (chỉ số y tế)',
  valuesConfig: {
    WEEKLY_CASES: { description: 'Cases of a disease in a commune in one ISO week (số ca mắc trong tuần)' },
    BED_OCCUPANCY: { description: 'Bed occupancy of a facility, percent (công suất sử dụng giường bệnh)' },
    EMERGENCY_WAITING: { description: 'Emergency patients waiting at a facility (bệnh nhân chờ cấp cứu)' },
  },
});

/**
 * A rule of the health sector, kept as data (docs/sector-pattern.md, "Rules and alerts"):
 * - WEEKLY_CASES of a disease above the commune's epidemic threshold: the mean of the same ISO week over
 *   the previous `baselineYears` years plus two standard deviations when the commune has at least
 *   `minBaselineYears` of them, else the fixed `threshold`;
 * - BED_OCCUPANCY or EMERGENCY_WAITING above `threshold` at a facility for `durationMinutes`.
 */
@Entity({ tableName: 'rule' })
@ObjectType({ description: 'A health alert rule (quy tắc cảnh báo y tế)' })
export class HealthRule extends MetricRule {
  @Enum({ items: () => Disease, nullable: true })
  @Field(() => Disease, { nullable: true, description: 'The disease of a WEEKLY_CASES rule; null for facility rules' })
  disease: Disease | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Years of the commune’s history whose same ISO week give the threshold (mean + 2 SD); null: always the fixed threshold',
  })
  baselineYears: number | null = null;

  @Property({ type: 'integer', default: 3 })
  @Field(() => Int, { description: 'Fewest years of history for the mean + 2 SD threshold; with fewer, the fixed threshold applies' })
  minBaselineYears: number = 3;
}

/**
 * A breach of a health rule at a commune (an outbreak) or a facility (an overload): at most one open per
 * (rule, subject). Its peak is the most weekly cases, or the highest occupancy or queue, seen.
 */
@Entity({ tableName: 'breach' })
@Index({ properties: ['startedAt'] })
@Index({
  name: 'breach_open_unique',
  expression: 'create unique index "breach_open_unique" on "health"."breach" ("rule_id", "subject_id") where "ended_at" is null',
})
@ObjectType({ description: 'One breach of a health rule at a commune or a facility (một lần vi phạm quy tắc y tế). Staff roles only' })
export class HealthBreach extends SectorBreach {
  @ManyToOne(() => HealthRule)
  @Field(() => HealthRule, { description: 'The rule breached' })
  rule!: HealthRule;

  @Property({ type: 'text' })
  @Field({ description: 'AdministrativeUnit (a commune, for an outbreak) or Facility' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The commune’s or facility’s code' })
  subjectCode!: string;
}
