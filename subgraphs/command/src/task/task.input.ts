import { IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A step of a task: the version read, and an optional note (progress, result)' })
export class TaskStepInput {
  @Field(() => Int, { description: 'The version read; a different current version is CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true, description: 'Progress or result note, up to 2,000 characters; kept as the task’s latest note' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: 'Cancels a task, with a reason (the center)' })
export class CancelTaskInput {
  @Field(() => Int, { description: 'The task’s `version` you read; CONFLICT when it changed since' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ description: 'Why, 3–2,000 characters' })
  @Length(3, 2000)
  reason!: string;
}

@InputType({ description: 'Gives a task that has not started to an agency (the center)' })
export class AssignTaskInput {
  @Field(() => Int, { description: 'The task’s `version` you read; CONFLICT when it changed since' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ID, { description: 'The agency that will do it' })
  @IsUUID()
  agencyId!: string;

  @Field({ nullable: true, description: 'Note for the running log, up to 2,000 characters' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}
