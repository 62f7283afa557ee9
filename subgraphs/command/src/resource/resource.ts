import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Operation } from '../operation/operation';
import { ResourceKind } from '../vocabulary';
import { ResourceState } from './resource.rules';

/** Forces, vehicles, equipment or supplies (lực lượng, phương tiện, vật tư) mobilised for an operation. */
@Entity({ tableName: 'operation_resource' })
@ObjectType({ description: 'Forces, vehicles, equipment or supplies mobilised for an operation' })
export class OperationResource {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'state' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @ManyToOne(() => Operation, { ref: true, index: true })
  operation!: Ref<Operation>;

  @Enum({ items: () => ResourceKind })
  @Field(() => ResourceKind, { description: 'Kind of resource' })
  kind!: ResourceKind;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'How many, in the unit the kind names (teams, people, vehicles or items)' })
  quantity!: number;

  @Property({ type: 'text' })
  @Field({ description: 'What and where, e.g. “6 xuồng máy của BCHQS tỉnh tại bến Thác Mơ”' })
  description!: string;

  /** The agency providing it (Agency.id in the directory), if known. */
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Enum({ items: () => ResourceState })
  @Field(() => ResourceState, { description: 'Allocated, or released' })
  state: ResourceState = ResourceState.ALLOCATED;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was allocated (UTC)' })
  allocatedAt!: Date;

  @Property({ type: 'text' })
  @Field({ description: 'Account (token subject) of who allocated it' })
  allocatedBy!: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was released (UTC); null while allocated' })
  releasedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Account (token subject) of who released it; null while allocated' })
  releasedBy: string | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
