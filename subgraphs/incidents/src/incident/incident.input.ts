import { GeoPointInput } from '@ioc-graph/platform';
import { ArrayMaxSize, IsInt, IsOptional, IsUrl, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AlertStatus, Process, Sector, Severity } from '../vocabulary';
import { IncidentState } from './incident.rules';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType({ description: 'Filters on incidents; all given conditions must hold' })
export class IncidentFilter {
  @Field(() => [ID], {
    nullable: true,
    description:
      'Only the incidents with these ids (at most 100); the other conditions and the caller’s scope still apply. An empty list matches none',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => [IncidentState], { nullable: true, description: 'Only incidents in one of these states' })
  states?: IncidentState[];

  @Field(() => [Process], { nullable: true, description: 'Only incidents handled by one of these processes' })
  processes?: Process[];

  @Field(() => [Sector], { nullable: true, description: 'Only incidents of these sectors' })
  sectors?: Sector[];

  @Field(() => [ID], { nullable: true, description: 'Only incidents of these categories' })
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
  @Field(() => ID, { description: 'Category (loại vụ việc); gives the sector, default process, severity and SLA' })
  @IsUUID()
  categoryId!: string;

  @Field(() => Process, { nullable: true, description: 'The category’s default when omitted' })
  process?: Process;

  @Field(() => Severity, { nullable: true, description: 'How bad it is; the category’s default when omitted' })
  severity?: Severity;

  @Field({ description: 'Short title, 3–300 characters' })
  @Length(3, 300)
  title!: string;

  @Field({ description: 'What happened, 3–4,000 characters' })
  @Length(3, 4000)
  description!: string;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where it happened; the unit is found from it when unitId is omitted' })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => ID, { nullable: true, description: 'Administrative unit where it happened' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field({ nullable: true, description: 'The place as described (address, landmark), 2–300 characters' })
  @IsOptional()
  @Length(2, 300)
  place?: string;

  @Field({ nullable: true, description: 'When it happened; now when omitted' })
  occurredAt?: Date;

  @Field(() => AlertStatus, { nullable: true, description: 'ACTUAL unless a drill (EXERCISE)' })
  status?: AlertStatus;
}

@InputType({ description: 'The version read, and an optional note for the timeline' })
export class TransitionInput {
  @Field(() => Int, { description: 'The version read; a different current version is CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true, description: 'Note for the timeline, up to 2,000 characters' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: 'Assigning an incident to the competent agency' })
export class AssignAgencyInput extends TransitionInput {
  @Field(() => ID, { description: 'The agency that will handle it' })
  @IsUUID()
  agencyId!: string;
}

@InputType({ description: 'A step that needs a reason: returning a result, asking for reassignment, closing' })
export class ReasonInput {
  @Field(() => Int, { description: 'The incident’s `version` you read; CONFLICT when it changed since' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ description: 'Why, 3–2,000 characters; written on the timeline' })
  @Length(3, 2000)
  reason!: string;
}

@InputType({ description: 'The agency’s result' })
export class SubmitResultInput {
  @Field(() => Int, { description: 'The incident’s `version` you read; CONFLICT when it changed since' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ description: 'What the agency did, 10–4,000 characters' })
  @Length(10, 4000)
  result!: string;

  @Field(() => [String], { nullable: true, description: 'Links (http or https) to photos and documents, up to 20' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl(URL_OPTIONS, { each: true })
  evidence?: string[];
}

@InputType({ description: 'Approving or publishing a result' })
export class ApproveResultInput extends TransitionInput {
  @Field({ nullable: true, defaultValue: true, description: 'Publish at once (drills are never published)' })
  publish?: boolean;

  @Field({
    nullable: true,
    description: 'The public summary of what happened; the title when omitted. Personal data is removed in any case',
  })
  @IsOptional()
  @Length(3, 2000)
  publicSummary?: string;
}

@InputType({ description: 'A note added to the timeline' })
export class NoteInput {
  @Field({ description: 'The note, 1–2,000 characters' })
  @Length(1, 2000)
  note!: string;
}
