import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { CapMessageType } from './capVocabulary';
import type { PublicWarning } from './publicWarning';
import { WarningContent } from './warningContent';

/**
 * One CAP 1.2 message of a public warning, appended when it was sent and never changed: its
 * identifier, sender, sent time and references are fixed, and `content` keeps what the warning said
 * then, so that the message is rendered exactly as it went out.
 */
@Entity({ tableName: 'public_warning_message' })
@Unique({ properties: ['warning', 'sequence'] })
@ObjectType({ description: 'A CAP 1.2 message of a public warning, as it was sent. Public' })
export class PublicWarningMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne({ entity: () => 'PublicWarning', ref: true })
  warning!: Ref<PublicWarning>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Number of the message within its warning: 1 for the Alert, then 2, 3…' })
  sequence!: number;

  @Enum({ items: () => CapMessageType })
  @Field(() => CapMessageType, { description: 'Alert, Update or Cancel (CAP msgType)' })
  msgType!: CapMessageType;

  @Property({ type: 'text', unique: true })
  @Field({ description: 'The CAP identifier, unique and stable: urn:ioc-graph:<province code>:warning:<warning id>:<sequence>' })
  identifier!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The CAP sender: the center' })
  sender!: string;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was sent (UTC; CAP renders it with the +07:00 offset)' })
  sent!: Date;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'The CAP references: "sender,identifier,sent" of every earlier message of the warning, space separated; null for the Alert',
  })
  references: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the warning was cancelled (CAP note); null on other messages' })
  note: string | null = null;

  @Property({ type: 'json' })
  @Field(() => WarningContent, { description: 'What the warning said when the message was sent' })
  content!: WarningContent;
}
