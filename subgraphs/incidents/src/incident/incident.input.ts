import { GeoPointInput } from '@ioc-graph/platform';
import { ArrayMaxSize, IsInt, IsOptional, IsUrl, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AlertStatus, Process, Sector, Severity } from '../vocabulary';
import { IncidentState } from './incident.rules';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType({ description: 'Filters on incidents; all given conditions must hold' })
export class IncidentFilter {
  @Field(() => [IncidentState], { nullable: true })
  states?: IncidentState[];

  @Field(() => [Process], { nullable: true })
  processes?: Process[];

  @Field(() => [Sector], { nullable: true })
  sectors?: Sector[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  categoryIds?: string[];

  @Field(() => ID, { nullable: true, description: 'The handling agency' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'Incidents in this administrative unit or below it' })
  @IsOptional()
  @IsUUID()
  withinUnitId?: string;

  @Field({ nullable: true, description: 'true: past the deadline without a result; false: not' })
  overdue?: boolean;

  @Field({ nullable: true, description: 'Opened at or after' })
  openedFrom?: Date;

  @Field({ nullable: true, description: 'Opened before' })
  openedTo?: Date;

  @Field(() => AlertStatus, { nullable: true, description: 'ACTUAL or EXERCISE; both when omitted' })
  status?: AlertStatus;
}

@InputType({ description: 'Opens an incident directly, e.g. from a hotline call (operators)' })
export class OpenIncidentInput {
  @Field(() => ID)
  @IsUUID()
  categoryId!: string;

  @Field(() => Process, { nullable: true, description: 'The category’s default when omitted' })
  process?: Process;

  @Field(() => Severity, { nullable: true })
  severity?: Severity;

  @Field()
  @Length(3, 300)
  title!: string;

  @Field()
  @Length(3, 4000)
  description!: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 300)
  place?: string;

  @Field({ nullable: true, description: 'When it happened; now when omitted' })
  occurredAt?: Date;

  @Field(() => AlertStatus, { nullable: true })
  status?: AlertStatus;
}

@InputType({ description: 'The version read, and an optional note for the timeline' })
export class TransitionInput {
  @Field(() => Int, { description: 'The version read; a different current version is CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType()
export class AssignAgencyInput extends TransitionInput {
  @Field(() => ID)
  @IsUUID()
  agencyId!: string;
}

@InputType({ description: 'A step that needs a reason: returning a result, asking for reassignment, closing' })
export class ReasonInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field()
  @Length(3, 2000)
  reason!: string;
}

@InputType()
export class SubmitResultInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ description: 'What the agency did' })
  @Length(10, 4000)
  result!: string;

  @Field(() => [String], { nullable: true, description: 'Links to photos and documents' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl(URL_OPTIONS, { each: true })
  evidence?: string[];
}

@InputType()
export class ApproveResultInput extends TransitionInput {
  @Field({ nullable: true, defaultValue: true, description: 'Publish at once (drills are never published)' })
  publish?: boolean;

  @Field({ nullable: true, description: 'The public summary of what happened; the title when omitted. Personal data is removed in any case' })
  @IsOptional()
  @Length(3, 2000)
  publicSummary?: string;
}

@InputType()
export class NoteInput {
  @Field()
  @Length(1, 2000)
  note!: string;
}
