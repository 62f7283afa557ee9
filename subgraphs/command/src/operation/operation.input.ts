import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OperationState } from './operation.rules';

@InputType({ description: 'Activates an operation from a playbook for a COMMAND incident (leaders and operators)' })
export class ActivateOperationInput {
  @Field(() => ID, { description: 'The COMMAND incident it responds to; it may have one active operation at a time' })
  @IsUUID()
  incidentId!: string;

  @Field(() => ID, { description: 'The playbook to follow' })
  @IsUUID()
  playbookId!: string;

  @Field({ nullable: true, description: 'The playbook’s name and the incident’s number when omitted' })
  @IsOptional()
  @Length(3, 300)
  name?: string;

  @Field({ nullable: true, description: 'A drill (diễn tập); by default, whether the incident is one' })
  exercise?: boolean;
}

@InputType({ description: 'Filters on operations; all given conditions must hold' })
export class OperationFilter {
  @Field(() => [ID], {
    nullable: true,
    description:
      'Only the operations with these ids (at most 100); the other conditions and the caller’s scope still apply. An empty list matches none',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => OperationState, { nullable: true, description: 'Only operations in this state' })
  state?: OperationState;

  @Field({ nullable: true, description: 'true: drills only; false: real operations only' })
  exercise?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only operations for this incident' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;
}

@InputType({ description: 'The version read, and an optional note for the running log' })
export class OperationStepInput {
  @Field(() => Int, { description: 'The version read; a different current version is CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true, description: 'Note for the running log, up to 2,000 characters' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: 'Stands the operation down (leaders)' })
export class StandDownInput {
  @Field(() => Int, { description: 'The version read; a different current version is CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ description: 'What was done and learnt (báo cáo tổng kết)' })
  @Length(10, 8000)
  afterActionSummary!: string;
}
