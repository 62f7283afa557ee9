import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Operation } from '../operation/operation';
import { AgencyKind } from '../vocabulary';
import { TaskState } from './task.rules';

/** A task (nhiệm vụ) an operation gives one agency, made from a playbook template when its phase begins. */
@Entity({ tableName: 'operation_task' })
@Index({ properties: ['agencyId', 'state'] })
@ObjectType({ description: 'A task (nhiệm vụ) of an operation for one agency' })
export class OperationTask {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Operation, { ref: true, index: true })
  operation!: Ref<Operation>;

  /** The template's place in the playbook: tasks are listed in playbook order. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  @Field({ description: 'The playbook template it was made from' })
  templateCode!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The code of the phase that created it' })
  phase!: string;

  @Property({ type: 'text' })
  @Field()
  titleVi!: string;

  @Property({ type: 'text' })
  @Field()
  titleEn!: string;

  @Enum({ items: () => AgencyKind })
  @Field(() => AgencyKind, { description: 'The kind of agency the playbook asks for' })
  agencyKind!: AgencyKind;

  /** The agency doing it (Agency.id in the directory); null until the center assigns one it could not find. */
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  @Enum({ items: () => TaskState })
  @Field(() => TaskState)
  state: TaskState = TaskState.OPEN;

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  dueAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  doneAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The latest note of the agency or the center (result, reason to cancel)' })
  note: string | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int)
  version!: number;
}
