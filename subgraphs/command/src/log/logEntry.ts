import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** What a log entry is about. */
export enum LogSubject {
  OPERATION = 'OPERATION',
  TASK = 'TASK',
  DIRECTIVE = 'DIRECTIVE',
  RESOURCE = 'RESOURCE',
  SITUATION_REPORT = 'SITUATION_REPORT',
}
registerEnumType(LogSubject, { name: 'OperationLogSubject', description: 'Hoạt động, nhiệm vụ, chỉ đạo, nguồn lực, báo cáo tình hình' });

/**
 * One step of an operation in its running log (nhật ký chỉ huy): who, when, what, from → to, note.
 * Appended in the transaction of the step and never updated.
 */
@Entity({ tableName: 'operation_log_entry' })
@Index({ properties: ['operationId', 'at'] })
@ObjectType({ description: 'A step of an operation in its running log (nhật ký chỉ huy)' })
export class OperationLogEntry {
  /** Time-ordered (UUIDv7): steps of the same instant keep the order they were taken in. */
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  operationId!: string;

  @Property({ type: 'timestamptz' })
  @Field()
  at!: Date;

  @Property({ type: 'text' })
  @Field({ description: 'The account that acted (a token subject)' })
  actor!: string;

  @Property({ type: 'text[]' })
  actorRoles: string[] = [];

  /** The actor's agency (Agency.id in the directory), if any: which agency took the step. */
  @Property({ type: 'uuid', nullable: true })
  actorAgencyId: string | null = null;

  @Property({ type: 'text' })
  @Field({ description: 'The step, e.g. activateOperation, advancePhase, acknowledgeTask, issueDirective, releaseResource' })
  action!: string;

  @Property({ type: 'text' })
  @Field(() => LogSubject)
  subjectType!: LogSubject;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The id of the operation, task, directive, resource or report' })
  subjectId!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  fromState: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  toState: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null = null;

  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}
