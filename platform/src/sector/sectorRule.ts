import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { uuidv7 } from '../database/uuidv7';
import { Severity } from '../vocabulary';

/** How a rule compares its value with its threshold. */
export enum RuleComparison {
  ABOVE = 'ABOVE',
}
registerEnumType(RuleComparison, {
  name: 'RuleComparison',
  description: 'How a rule compares its value with its threshold (so sánh với ngưỡng)',
  valuesConfig: { ABOVE: { description: 'The value is greater than the threshold (vượt ngưỡng)' } },
});

/**
 * What value of the hourly rollups a rule compares over its window (see `judgeHourlyWindow`):
 * - AVERAGE: each hour of the window, by its hourly average, must breach;
 * - SUM: the sum over the window's hours (e.g. rainfall in 3 hours) must breach.
 */
export enum RuleAggregate {
  AVERAGE = 'AVERAGE',
  SUM = 'SUM',
}
registerEnumType(RuleAggregate, {
  name: 'RuleAggregate',
  description: 'Each hour by its hourly average, or the sum over the whole window (trung bình giờ / tổng trong khoảng)',
  valuesConfig: {
    AVERAGE: { description: 'Every hour of the window breaches by its hourly average (trung bình giờ)' },
    SUM: { description: 'The sum over the window’s hours breaches (tổng trong khoảng thời gian)' },
  },
});

/**
 * What every rule of a sector is (docs/sector-pattern.md, "Rules and alerts"): data that operators
 * switch on and off, with a code, a duration and the severity of its breaches. A sector subclasses it
 * (or `MetricRule`) with `@Entity({ tableName: 'rule' })` and its own `@ObjectType`, so that the table
 * lives in the sector's schema and the GraphQL type keeps the sector's name. (type-graphql 2 emits only
 * the types a schema reaches, so these abstract bases never appear in one; it has no `isAbstract`.)
 */
@Entity({ abstract: true })
@ObjectType({ description: 'A sector’s rule (abstract: each sector’s rule type extends it; never in a schema by this name)' })
export abstract class SectorRule {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'The rule’s id' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'The rule’s stable code, e.g. AQI_ABOVE_150 or ACCIDENT_CONFIDENT' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The rule’s name in Vietnamese (tên quy tắc)' })
  nameVi!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'How long the condition must last before a breach opens, in minutes (thời gian duy trì)' })
  durationMinutes!: number;

  @Enum({ items: () => Severity })
  @Field(() => Severity, { description: 'The CAP severity of its breaches (mức độ nghiêm trọng)' })
  severity!: Severity;

  @Property({ type: 'boolean', default: true })
  @Field({ description: 'Whether the rule is switched on: an inactive rule opens no breach and its open breaches end' })
  active: boolean = true;
}

/**
 * A rule on a measured metric: the metric compared with a threshold for a duration, at a device inside an
 * area's subtree, raising a breach filed under an incidents category. What a new sector declares its
 * rules with; it adds its own columns (an aggregate, per-device thresholds…) in its subclass.
 */
@Entity({ abstract: true })
@ObjectType({ description: 'A rule on a measured metric (abstract: each sector’s rule type extends it)' })
export abstract class MetricRule extends SectorRule {
  @Property({ type: 'text' })
  @Field({ description: 'The metric it compares, one of the sector’s metrics (chỉ số), e.g. PM2_5, RAINFALL, AQI' })
  metric!: string;

  @Enum({ items: () => RuleComparison })
  @Field(() => RuleComparison, { description: 'How the value is compared with the threshold' })
  comparison: RuleComparison = RuleComparison.ABOVE;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'The threshold (ngưỡng); null when the sector takes it from each device' })
  threshold: number | null = null;

  @Property({ type: 'text' })
  @Field({ description: 'The incidents category of its alerts (loại sự cố), e.g. ENV_AQI_EXCEEDANCE' })
  categoryCode!: string;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The administrative unit whose subtree it covers (địa bàn); null = the whole province' })
  unitId: string | null = null;
}

/** Whether a device (by its unit lineage: its unit and the unit's ancestors) lies in a rule's area. */
export const inRuleArea = (rule: { unitId: string | null }, unitLineage: readonly string[]) =>
  !rule.unitId || unitLineage.includes(rule.unitId.toLowerCase());
