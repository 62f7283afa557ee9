import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, ID, ObjectType } from 'type-graphql';
import { Operation } from '../operation/operation';
import { AcknowledgementState } from './directive.rules';

/** A directive (chỉ đạo) of the leader to agencies and field units, each of which must acknowledge it. */
@Entity({ tableName: 'directive' })
@ObjectType('Directive', { description: 'A directive (chỉ đạo) of the leader, addressed to agencies and field units' })
export class OperationDirective {
  /** Time-ordered: directives of one instant keep the order they were issued in. */
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record; ids sort in the order directives were issued' })
  id: string = uuidv7();

  @ManyToOne(() => Operation, { ref: true, index: true })
  operation!: Ref<Operation>;

  @Property({ type: 'text' })
  @Field({ description: 'What the leader directs' })
  text!: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the addressees must have carried it out' })
  deadline: Date | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was issued (UTC)' })
  issuedAt!: Date;

  @Property({ type: 'text' })
  @Field({ description: 'The account that issued it' })
  issuedBy!: string;
}

/** One addressee of a directive, an agency or a field unit, and its acknowledgement. */
@Entity({ tableName: 'directive_addressee' })
@Index({ properties: ['agencyId', 'state'] })
@Index({ properties: ['fieldUnitId', 'state'] })
@ObjectType({ description: 'An addressee of a directive and whether, when and by whom it acknowledged it' })
export class DirectiveAddressee {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'state' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => OperationDirective, { ref: true, index: true })
  directive!: Ref<OperationDirective>;

  /** Copied from the directive, so that operations can be scoped by addressee without a join. */
  @ManyToOne(() => Operation, { ref: true, index: true })
  operation!: Ref<Operation>;

  /** Agency.id in the directory, or null when the addressee is a field unit. */
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  /** FieldUnit.id in the directory, or null when the addressee is an agency. */
  @Property({ type: 'uuid', nullable: true })
  fieldUnitId: string | null = null;

  @Enum({ items: () => AcknowledgementState })
  @Field(() => AcknowledgementState, { description: 'Whether the addressee has acknowledged it' })
  state: AcknowledgementState = AcknowledgementState.PENDING;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was acknowledged (UTC); null while pending' })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The account that acknowledged it' })
  acknowledgedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The addressee’s note when acknowledging; null when none' })
  note: string | null = null;

  /** Two people of one agency acknowledging at once: the second gets CONFLICT, not a second entry. */
  @Property({ version: true, type: 'integer' })
  version!: number;
}
