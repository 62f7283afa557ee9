import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum FollowUpKind {
  /** Before the deadline: remind the agency (nhắc việc). */
  REMINDER = 'REMINDER',
  /** At the deadline: mark the incident overdue (quá hạn). */
  OVERDUE = 'OVERDUE',
  /** A further delay after the deadline: escalate to the head of the agency. */
  ESCALATION = 'ESCALATION',
}

/**
 * A follow-up step due at a time, kept in the database so that a restart loses none; a timer is fired
 * or cancelled once, under a row lock, so none fires twice.
 */
@Entity({ tableName: 'follow_up_timer' })
@Index({
  name: 'follow_up_timer_due_index',
  expression:
    'create index "follow_up_timer_due_index" on "incidents"."follow_up_timer" ("due_at") where "fired_at" is null and "cancelled_at" is null',
})
export class FollowUpTimer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  incidentId!: string;

  @Enum({ items: () => FollowUpKind })
  kind!: FollowUpKind;

  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  firedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;
}
