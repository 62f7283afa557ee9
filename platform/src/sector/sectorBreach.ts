import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { uuidv7 } from '../database/uuidv7';
import { Severity } from '../vocabulary';

/**
 * A breach of a rule at one subject (a station, a camera, a road segment…): open (no `endedAt`) while
 * the rule is met. A sector subclasses it with `@Entity({ tableName: 'breach' })`, its `rule` and its
 * subject, and a partial unique index `(rule_id, <subject>_id) where ended_at is null` so that at most
 * one breach per rule and subject is open. `BreachBook` opens, extends and closes it.
 */
@Entity({ abstract: true })
@ObjectType({ description: 'A breach of a sector’s rule (abstract: each sector’s breach type extends it)' })
export abstract class SectorBreach {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'The breach’s id: the source reference of the alert it raised' })
  id: string = uuidv7();

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the breach began: the start of the rule’s window or of the condition (bắt đầu)' })
  startedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'The latest time the rule was seen met' })
  lastSeenAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the breach ended (kết thúc); null while it lasts' })
  endedAt: Date | null = null;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'The highest value seen while it lasted (giá trị đỉnh), in the rule’s measure' })
  peakValue!: number;

  @Enum({ items: () => Severity })
  @Field(() => Severity, { description: 'Its CAP severity now: the rule’s, or higher when it worsened' })
  severity!: Severity;
}

/** The filter of a `breaches(open:)` argument: open ones (true), ended ones (false), or all (absent). */
export const breachOpenFilter = (open?: boolean | null): { endedAt?: null | { $ne: null } } =>
  open === true ? { endedAt: null } : open === false ? { endedAt: { $ne: null } } : {};
