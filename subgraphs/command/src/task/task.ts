import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
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
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'state' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
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
  @Field({ description: 'What to do, in Vietnamese, e.g. "Sơ tán dân khỏi vùng sạt lở"' })
  titleVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What to do, in English' })
  titleEn!: string;

  @Enum({ items: () => AgencyKind })
  @Field(() => AgencyKind, { description: 'The kind of agency the playbook asks for' })
  agencyKind!: AgencyKind;

  /** The agency doing it (Agency.id in the directory); null until the center assigns one it could not find. */
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  @Enum({ items: () => TaskState })
  @Field(() => TaskState, { description: 'Where the task stands' })
  state: TaskState = TaskState.OPEN;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the task was given out (UTC)' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it must be done (UTC); null when the playbook sets no deadline' })
  dueAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the agency acknowledged it (UTC); null until then' })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the agency started it (UTC); null until then' })
  startedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the agency completed it (UTC); null until then' })
  doneAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was cancelled (UTC); null unless cancelled' })
  cancelledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The latest note of the agency or the center (result, reason to cancel)' })
  note: string | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
