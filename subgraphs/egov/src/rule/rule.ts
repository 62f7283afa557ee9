import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { MetricRule, SectorBreach } from '@ioc-graph/platform';
import { Field, ID, ObjectType } from 'type-graphql';

/** The metric of the e-government rules: an agency's dossiers still being handled past their due time, now. */
export const OVERDUE_DOSSIERS = 'OVERDUE_DOSSIERS';

/**
 * A rule of the e-government sector (docs/sector-pattern.md, "Rules and alerts"), kept as data: an
 * agency (inside the rule's area, when it has one) with more than `threshold` dossiers overdue now opens a
 * breach at that agency, filed under `categoryCode` and routed to the agency; it ends when the overdue
 * dossiers are back at or under the threshold.
 */
@Entity({ tableName: 'rule' })
@ObjectType({ description: 'An e-government alert rule: an agency’s overdue dossiers above a threshold (quy tắc cảnh báo dịch vụ công)' })
export class EgovRule extends MetricRule {}

/** A breach of a rule at an agency: at most one open per (rule, agency). Its peak is the most dossiers seen overdue. */
@Entity({ tableName: 'breach' })
@Index({ properties: ['startedAt'] })
@Index({
  name: 'breach_open_unique',
  expression: 'create unique index "breach_open_unique" on "egov"."breach" ("rule_id", "agency_id") where "ended_at" is null',
})
@ObjectType({ description: 'One breach of an e-government rule at an agency (một lần vượt ngưỡng hồ sơ trễ hạn)' })
export class EgovBreach extends SectorBreach {
  @ManyToOne(() => EgovRule)
  @Field(() => EgovRule, { description: 'The rule breached' })
  rule!: EgovRule;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The agency whose dossiers are overdue' })
  agencyId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The agency’s code in the one-stop-shop system' })
  agencyCode!: string;
}
