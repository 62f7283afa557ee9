import { Entity, Index, Property } from '@mikro-orm/core';
import { newLogEntry, stepFacts, StepLogEntry, type Actor, type StepDescription } from '@ioc-graph/platform';
import { Field, ObjectType } from 'type-graphql';

/**
 * One step in the life of an alert or incident (who, when, from → to, note), appended in the same
 * transaction as the change and never updated: the audit trail of the process.
 */
@Entity({ tableName: 'timeline_entry' })
@Index({ properties: ['subjectType', 'subjectId', 'at'] })
@ObjectType({ description: 'A step of the process: who did what, when, from which state to which, with a note' })
export class TimelineEntry extends StepLogEntry {
  /** `Alert` or `Incident`. */
  @Property({ type: 'text' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field({ description: 'What happened, e.g. reported, verified, assigned, accepted, reminded, overdue, escalated, published' })
  declare action: string;
}

/** What a timeline entry is about: an alert or an incident. */
export interface TimelineSubject {
  subjectType: 'Alert' | 'Incident';
  subjectId: string;
}

/** A timeline entry for a step taken by `actor` (an identity, or the scheduler). */
export function timelineEntry(
  actor: Actor,
  at: Date,
  step: TimelineSubject & StepDescription,
  requestId: string | null = null,
): TimelineEntry {
  const { subjectType, subjectId, ...described } = step;
  return newLogEntry(TimelineEntry, stepFacts(actor, at, described, requestId), { subjectType, subjectId });
}
