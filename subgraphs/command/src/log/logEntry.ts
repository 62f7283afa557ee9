import { Entity, Index, Property } from '@mikro-orm/core';
import { StepLogEntry } from '@ioc-graph/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** What a log entry is about. */
export enum LogSubject {
  OPERATION = 'OPERATION',
  TASK = 'TASK',
  DIRECTIVE = 'DIRECTIVE',
  RESOURCE = 'RESOURCE',
  SITUATION_REPORT = 'SITUATION_REPORT',
}
registerEnumType(LogSubject, {
  name: 'OperationLogSubject',
  description: 'What a running-log entry of an operation is about',
  valuesConfig: {
    OPERATION: { description: 'The operation itself (hoạt động)' },
    TASK: { description: 'A task (nhiệm vụ)' },
    DIRECTIVE: { description: 'A directive (chỉ đạo)' },
    RESOURCE: { description: 'A resource (nguồn lực)' },
    SITUATION_REPORT: { description: 'A situation report (báo cáo tình hình)' },
  },
});

/**
 * One step of an operation in its running log (nhật ký chỉ huy): the platform's step log (who, when,
 * what, from → to, note), plus what the step was about and the actor's agency.
 */
@Entity({ tableName: 'operation_log_entry' })
@Index({ properties: ['operationId', 'at'] })
@ObjectType({ description: 'A step of an operation in its running log (nhật ký chỉ huy)' })
export class OperationLogEntry extends StepLogEntry {
  @Property({ type: 'uuid' })
  operationId!: string;

  /** The actor's agency (Agency.id in the directory), if any: which agency took the step. */
  @Property({ type: 'uuid', nullable: true })
  actorAgencyId: string | null = null;

  @Field({ description: 'The step, e.g. activateOperation, advancePhase, acknowledgeTask, issueDirective, releaseResource' })
  declare action: string;

  @Property({ type: 'text' })
  @Field(() => LogSubject, { description: 'What the step was about: the operation, a task, a directive, a resource or a report' })
  subjectType!: LogSubject;

  @Property({ type: 'uuid' })
  @Field(() => ID, { description: 'The id of the operation, task, directive, resource or report' })
  subjectId!: string;
}
