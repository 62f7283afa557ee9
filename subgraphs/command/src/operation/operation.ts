import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DirectiveAddressee } from '../directive/directive';
import { Playbook } from '../playbook/playbook';
import { OperationTask } from '../task/task';
import { OperationState } from './operation.rules';

/**
 * An emergency operation (hoạt động chỉ huy ứng phó) on a COMMAND incident, activated from a
 * playbook: it moves through the playbook's phases, gives agencies tasks, carries the leader's
 * directives, resources and situation reports, and keeps a running log until it is stood down.
 */
@Entity({ tableName: 'operation' })
@Index({ properties: ['state', 'activatedAt'] })
// One active operation per incident, also under concurrent activations.
@Unique({
  name: 'operation_active_incident_unique',
  expression: `create unique index "operation_active_incident_unique" on "command"."operation" ("incident_id") where "state" = 'ACTIVE'`,
})
@ObjectType({ description: 'An emergency operation (hoạt động chỉ huy) activated from a playbook for a COMMAND incident' })
@Directive('@key(fields: "id")')
export class Operation {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'exercise' | 'state' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Human-readable number, e.g. CH-2026-0007' })
  code!: string;

  @Property({ type: 'text' })
  @Field({
    description: 'Name, e.g. "Ứng phó lũ lụt sông Bé – VV-2026-000031"; by default the playbook’s name and the incident’s number',
  })
  name!: string;

  /** The incident (Incident.id in the incidents subgraph). */
  @Property({ type: 'uuid', index: true })
  incidentId!: string;

  /** Copied at activation: the incident's number, for logs and events. */
  @Property({ type: 'text' })
  incidentCode!: string;

  /** Copied at activation: the incident's administrative unit, where local agencies are looked up. */
  @Property({ type: 'uuid', nullable: true })
  unitId: string | null = null;

  @ManyToOne(() => Playbook, { ref: true })
  playbook!: Ref<Playbook>;

  @Property({ type: 'boolean' })
  @Field({ description: 'A drill (diễn tập): never counted in statistics' })
  exercise: boolean = false;

  @Enum({ items: () => OperationState })
  @Field(() => OperationState, { description: 'Active, or stood down' })
  state: OperationState = OperationState.ACTIVE;

  /** The code of the playbook phase it is in. */
  @Property({ type: 'text' })
  phaseCode!: string;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the current phase began' })
  phaseStartedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was activated (UTC)' })
  activatedAt!: Date;

  @Property({ type: 'text' })
  @Field({ description: 'The account that activated it' })
  activatedBy!: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was stood down (UTC); null while active' })
  stoodDownAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Account (token subject) of the leader who stood it down; null while active' })
  stoodDownBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What was done and learnt, written at stand-down (báo cáo tổng kết)' })
  afterActionSummary: string | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;

  /** For scoping queries: the agencies with a task in it. */
  @OneToMany(() => OperationTask, (task) => task.operation)
  tasks = new Collection<OperationTask>(this);

  /** For scoping queries: the agencies and field units its directives address. */
  @OneToMany(() => DirectiveAddressee, (addressee) => addressee.operation)
  addressees = new Collection<DirectiveAddressee>(this);
}
