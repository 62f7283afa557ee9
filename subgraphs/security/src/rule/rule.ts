import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { SectorBreach, SectorRule } from '@ioc-graph/platform';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SecurityCategory } from '../vocabulary';

/**
 * A hotspot rule, kept as data (docs/sector-pattern.md, "Rules and alerts"): a commune whose reports of
 * the rule's categories in the last `windowHours` exceed its usual level opens a breach, an alert of
 * `categoryCode` (whose process, TIMED or IMMEDIATE, the incidents category decides).
 *
 * The usual level of a commune is `max(floor, mean + sigmas × SD)` of its daily counts (those
 * categories) over the `baselineDays` whole Asia/Ho_Chi_Minh days before today, days without a report
 * counting 0 (population SD). The breach ends when the rolling count is back at or below it.
 */
@Entity({ tableName: 'rule' })
@ObjectType({ description: 'A hotspot rule of the security sector (quy tắc cảnh báo điểm nóng an ninh trật tự)' })
export class SecurityRule extends SectorRule {
  @Property({ type: 'text[]' })
  @Field(() => [SecurityCategory], { description: 'The report categories it counts' })
  categories!: SecurityCategory[];

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The rolling window counted, in hours (24)' })
  windowHours!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Whole local days before today that make the usual level (28)' })
  baselineDays!: number;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'How many standard deviations above the mean daily count the usual level lies (k)' })
  sigmas!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The lowest usual level: a commune with fewer reports in the window never breaches' })
  floor!: number;

  @Property({ type: 'text' })
  @Field({ description: 'The incidents category of its alerts, e.g. SEC_THEFT' })
  categoryCode!: string;

  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The administrative unit whose subtree it covers; null = the whole province' })
  unitId: string | null = null;
}

/** A breach of a hotspot rule in a commune: at most one open per (rule, commune); its peak is the highest rolling count. */
@Entity({ tableName: 'breach' })
@Index({ properties: ['startedAt'] })
@Index({
  name: 'breach_open_unique',
  expression: 'create unique index "breach_open_unique" on "security"."breach" ("rule_id", "commune_id") where "ended_at" is null',
})
@ObjectType({ description: 'A commune above its usual level for a hotspot rule (điểm nóng an ninh trật tự): staff only' })
export class SecurityBreach extends SectorBreach {
  @ManyToOne(() => SecurityRule)
  @Field(() => SecurityRule, { description: 'The rule breached' })
  rule!: SecurityRule;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The commune or ward (directory unit id)' })
  communeId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The commune’s code' })
  communeCode!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'The usual level when it opened: what the rolling count exceeded' })
  usualLevel!: number;
}
