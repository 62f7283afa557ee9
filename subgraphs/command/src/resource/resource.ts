import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Operation } from '../operation/operation';
import { ResourceKind } from '../vocabulary';
import { ResourceState } from './resource.rules';

/** Forces, vehicles, equipment or supplies (lực lượng, phương tiện, vật tư) mobilised for an operation. */
@Entity({ tableName: 'operation_resource' })
@ObjectType({ description: 'Forces, vehicles, equipment or supplies mobilised for an operation' })
export class OperationResource {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = uuidv7();

  @ManyToOne(() => Operation, { ref: true, index: true })
  operation!: Ref<Operation>;

  @Enum({ items: () => ResourceKind })
  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Property({ type: 'integer' })
  @Field(() => Int)
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
  @Field(() => ResourceState)
  state: ResourceState = ResourceState.ALLOCATED;

  @Property({ type: 'timestamptz' })
  @Field()
  allocatedAt!: Date;

  @Property({ type: 'text' })
  @Field()
  allocatedBy!: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  releasedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  releasedBy: string | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int)
  version!: number;
}
