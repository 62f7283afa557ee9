import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { SectorBreach, SectorRule } from '@ioc-graph/platform';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

/** What an urban rule watches (src/rule/evaluate.ts judges each). */
export enum UrbanRuleKind {
  /** A circuit whose latest report has more than `threshold` failed lamps; ends at a report with no more than that. */
  LAMPS_FAILED = 'LAMPS_FAILED',
  /** A cabinet whose controller was heard from, then silent for `durationMinutes`; ends when heard from again. */
  CABINET_OFFLINE = 'CABINET_OFFLINE',
  /** A collection point not collected on its latest scheduled local day that has ended; ends at its next collection. */
  WASTE_UNCOLLECTED = 'WASTE_UNCOLLECTED',
}
registerEnumType(UrbanRuleKind, {
  name: 'UrbanRuleKind',
  description: 'What an urban rule watches (loại quy tắc đô thị)',
  valuesConfig: {
    LAMPS_FAILED: { description: 'Too many failed lamps on a circuit (nhiều bóng đèn hỏng)' },
    CABINET_OFFLINE: { description: 'A lighting cabinet silent for a duration (tủ chiếu sáng mất kết nối)' },
    WASTE_UNCOLLECTED: {
      description: 'A point not collected on its scheduled day (điểm rác không được thu gom đúng lịch)',
    },
  },
});

/** A rule of the urban sector, kept as data (docs/sector-pattern.md, "Rules and alerts"). */
@Entity({ tableName: 'rule' })
@ObjectType({ description: 'An urban alert rule (quy tắc cảnh báo đô thị)' })
export class UrbanRule extends SectorRule {
  @Enum({ items: () => UrbanRuleKind })
  @Field(() => UrbanRuleKind, { description: 'What the rule watches' })
  kind!: UrbanRuleKind;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'LAMPS_FAILED: failed lamps allowed on a circuit (more breaches it); unused otherwise' })
  threshold!: number;

  @Property({ type: 'text' })
  @Field({ description: 'The incidents category of its alerts, e.g. URB_STREET_LIGHT_BROKEN' })
  categoryCode!: string;
}

/** A breach of an urban rule at a circuit, a cabinet or a collection point: at most one open per (rule, subject). */
@Entity({ tableName: 'breach' })
@Index({ properties: ['startedAt'] })
@Index({
  name: 'breach_open_unique',
  expression: 'create unique index "breach_open_unique" on "urban"."breach" ("rule_id", "subject_id") where "ended_at" is null',
})
@ObjectType({ description: 'One breach of an urban rule (một lần vi phạm quy tắc đô thị)' })
export class UrbanBreach extends SectorBreach {
  @ManyToOne(() => UrbanRule)
  @Field(() => UrbanRule, { description: 'The rule breached' })
  rule!: UrbanRule;

  @Property({ type: 'text' })
  @Field({ description: 'LightingCircuit, LightingCabinet or CollectionPoint' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The subject’s code' })
  subjectCode!: string;
}
