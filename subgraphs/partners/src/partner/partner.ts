import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A partner system (đối tác) that pulls the hub's open data with API keys. */
@Entity({ tableName: 'partner' })
@ObjectType({
  description:
    'A partner (đối tác): another government system, a newspaper, researchers, an app maker or a national platform that pulls open data with API keys (center only)',
})
export class Partner {
  [OptionalProps]?: 'version' | 'suspended';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this partner' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  @Field({ description: 'The organisation, as it names itself, e.g. "Báo Bình Phước điện tử"' })
  organisation!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The person the center talks to at the organisation' })
  contactName!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Email address of the contact person' })
  contactEmail!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the partner uses the data for, in its own words' })
  purpose!: string;

  @Property({ type: 'text' })
  @Field({ description: 'SPDX id of the licence the partner accepted, e.g. "CC-BY-4.0"' })
  licence!: string;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the partner accepted that licence' })
  licenceAcceptedAt!: Date;

  @Property({ type: 'boolean', default: false })
  @Field({ description: 'Whether the partner is suspended: gateways then refuse all its keys' })
  suspended: boolean = false;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the partner was registered' })
  createdAt!: Date;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
