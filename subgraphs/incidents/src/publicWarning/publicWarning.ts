import { CacheHint } from '@ioc-graph/platform';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Alert } from '../alert/alert';
import { PublicWarningState } from './capVocabulary';
import { WarningContent } from './warningContent';

/**
 * A public warning (cảnh báo công khai) the center issued about an alert: a flood alarm level, air
 * quality above a threshold, a storm, an epidemic. Published as CAP 1.2 messages (PublicWarningMessage):
 * an Alert when issued, an Update at each change, a Cancel when ended. One active warning per alert.
 *
 * The content lives in one JSON column, the same shape each message snapshots; `expires` is also a
 * column of its own, since the public lists filter on it. A warning stored ACTIVE whose `expires` has
 * passed reads as EXPIRED (nothing runs at the expiry time); the next write on its alert records it so.
 */
@Entity({ tableName: 'public_warning' })
@Index({ properties: ['state', 'expires'] })
@Index({
  name: 'public_warning_active_alert_unique',
  expression: `create unique index "public_warning_active_alert_unique" on "incidents"."public_warning" ("alert_id") where "state" = 'ACTIVE'`,
})
@CacheHint(30)
@ObjectType({ description: 'A public warning (cảnh báo công khai), published as CAP 1.2 messages. Public' })
export class PublicWarning {
  [OptionalProps]?: 'state' | 'version' | 'messageCount';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  /** The alert warned about; the public sees only its id. */
  @ManyToOne({ entity: () => 'Alert', ref: true })
  alert!: Ref<Alert>;

  /** The stored state: ACTIVE, CANCELLED, or EXPIRED once a later write on its alert found it past `expires`. */
  @Enum({ items: () => PublicWarningState })
  state: PublicWarningState = PublicWarningState.ACTIVE;

  @Property({ type: 'json' })
  @Field(() => WarningContent, { description: 'What the warning says now' })
  content!: WarningContent;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the warning stops being in force (UTC)' })
  expires!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the warning was issued (UTC)' })
  issuedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the warning was last changed: issued, updated or cancelled (UTC)' })
  changedAt!: Date;

  /** How many CAP messages were sent: the next message's sequence number is one more. */
  @Property({ type: 'integer' })
  messageCount: number = 0;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}

/** The state a reader sees: a warning still stored ACTIVE is EXPIRED once `expires` has passed. */
export const stateAt = (warning: Pick<PublicWarning, 'state' | 'expires'>, now: Date): PublicWarningState =>
  warning.state === PublicWarningState.ACTIVE && warning.expires.getTime() <= now.getTime() ? PublicWarningState.EXPIRED : warning.state;
