import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Partner } from '../partner/partner';

/**
 * An API key of a partner. Only the SHA-256 of its secret is kept (`hash`): the secret is shown once,
 * when the key is issued, and a gateway finds the key by hashing what a partner sends.
 */
@Entity({ tableName: 'api_key' })
@ObjectType({ description: 'An API key of a partner: its scopes, quotas and life; never its secret (center only)' })
export class ApiKey {
  [OptionalProps]?: 'version' | 'revokedAt' | 'lastUsedAt' | 'tokenSubject';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this key' })
  id: string = randomUUID();

  @ManyToOne(() => Partner, { ref: true, index: true })
  partner!: Ref<Partner>;

  @Property({ type: 'text' })
  @Field({ description: 'A name the center gives the key, e.g. "Cổng tin tức — máy chủ chính"' })
  label!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The first 8 characters of the secret ("iocg_xxx"), shown in lists so that a partner recognises its key' })
  prefix!: string;

  /** SHA-256 hex of the whole secret. Not a GraphQL field: nobody needs it but the gateway's lookup. */
  @Property({ type: 'text', unique: true })
  hash!: string;

  @Property({ type: 'text', nullable: true, unique: true })
  @Field(() => String, {
    nullable: true,
    description:
      'For a partner behind an identity provider: the subject (`sub`) of its tokens, whose requests then count as this key (scopes, quotas, usage); null for a key used as x-api-key only',
  })
  tokenSubject: string | null = null;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'What the key may be used for: "graphql" and open-data dataset names, e.g. "air-quality"' })
  scopes!: string[];

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Requests allowed per minute (1–6000)' })
  quotaPerMinute!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Requests allowed per local day, Asia/Ho_Chi_Minh (1–1,000,000)' })
  quotaPerDay!: number;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the key stops working (at most two years after it was issued)' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it is not' })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the key was issued' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When a gateway last reported the key used; null when never' })
  lastUsedAt: Date | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
