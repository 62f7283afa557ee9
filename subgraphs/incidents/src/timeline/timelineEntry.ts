import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7, type Identity } from '@ioc-graph/platform';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One step in the life of an alert or incident (who, when, from → to, note), appended in the same
 * transaction as the change and never updated: the audit trail of the process.
 */
@Entity({ tableName: 'timeline_entry' })
@Index({ properties: ['subjectType', 'subjectId', 'at'] })
@ObjectType({ description: 'A step of the process: who did what, when, from which state to which, with a note' })
export class TimelineEntry {
  /** Time-ordered (UUIDv7): steps taken in the same instant keep the order they were taken in. */
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = uuidv7();

  /** `Alert` or `Incident`. */
  @Property({ type: 'text' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'timestamptz' })
  @Field()
  at!: Date;

  /** The account that acted (`scheduler` for follow-up steps, `public` for citizens). */
  @Property({ type: 'text' })
  @Field({ description: 'The account that acted: a token subject, `scheduler` or `public`' })
  actor!: string;

  @Property({ type: 'text[]' })
  actorRoles: string[] = [];

  @Property({ type: 'text' })
  @Field({ description: 'What happened, e.g. reported, verified, assigned, accepted, reminded, overdue, escalated, published' })
  action!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  fromState: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  toState: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null = null;

  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}

/** A timeline entry for a step taken by `actor` (an identity, or the scheduler). */
export function timelineEntry(
  actor: Identity | 'scheduler',
  at: Date,
  step: { subjectType: 'Alert' | 'Incident'; subjectId: string; action: string; fromState?: string | null; toState?: string | null; note?: string | null },
  requestId: string | null = null,
): TimelineEntry {
  const who = actor === 'scheduler' ? { actor: 'scheduler', actorRoles: [] } : { actor: actor.subject ?? 'public', actorRoles: actor.roles };
  return Object.assign(new TimelineEntry(), { fromState: null, toState: null, note: null, ...step, ...who, at, requestId });
}
