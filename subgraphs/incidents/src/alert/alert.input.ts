import { GeoPointInput } from '@ioc-graph/platform';
import { ArrayMaxSize, IsEmail, IsOptional, IsUrl, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AlertStatus, Certainty, Sector, Severity, Urgency } from '../vocabulary';
import { AlertState } from './alert';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType({ description: 'An alert from a sector system; sourceSystem + sourceRef identify the event' })
export class ReportAlertInput {
  @Field({ description: 'The reporting system, e.g. traffic-camera-ai' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: 'sourceSystem must be 2–64 lowercase letters, digits, dots, dashes or underscores' })
  sourceSystem!: string;

  @Field({ description: 'The event’s id in that system' })
  @Length(1, 200)
  sourceRef!: string;

  @Field(() => ID, { description: 'Category (loại vụ việc); its sector becomes the alert’s sector' })
  @IsUUID()
  categoryId!: string;

  @Field(() => Severity, { nullable: true, description: 'The category’s default when omitted' })
  severity?: Severity;

  @Field(() => Urgency, { nullable: true, description: 'How soon to act; UNKNOWN when omitted' })
  urgency?: Urgency;

  @Field(() => Certainty, { nullable: true, description: 'How sure the source is; UNKNOWN when omitted' })
  certainty?: Certainty;

  @Field({ description: 'Short summary, 3–300 characters' })
  @Length(3, 300)
  headline!: string;

  @Field({ nullable: true, description: 'Full text, up to 4,000 characters' })
  @IsOptional()
  @Length(0, 4000)
  description?: string;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where it happened; the unit is found from it when unitId is omitted' })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => ID, { nullable: true, description: 'The administrative unit where it happened' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field({ nullable: true, description: 'The place as described (address, landmark), 2–300 characters' })
  @IsOptional()
  @Length(2, 300)
  place?: string;

  @Field({ description: 'When it happened' })
  occurredAt!: Date;

  @Field(() => [String], { nullable: true, description: 'Links (http or https) to photos, clips or readings, up to 20' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl(URL_OPTIONS, { each: true })
  evidence?: string[];

  @Field(() => AlertStatus, { nullable: true, description: 'ACTUAL unless a drill' })
  status?: AlertStatus;
}

@InputType({ description: 'Filters on alerts; all given conditions must hold' })
export class AlertFilter {
  @Field(() => [ID], {
    nullable: true,
    description:
      'Only the alerts with these ids (at most 100); the other conditions and the caller’s scope still apply. An empty list matches none',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => [AlertState], { nullable: true, description: 'Only alerts in one of these states' })
  states?: AlertState[];

  @Field(() => [Sector], { nullable: true, description: 'Only alerts of these sectors' })
  sectors?: Sector[];

  @Field(() => [ID], { nullable: true, description: 'Only alerts of these categories' })
  @IsOptional()
  @IsUUID('all', { each: true })
  categoryIds?: string[];

  @Field(() => [Severity], { nullable: true, description: 'Only alerts of these severities' })
  severities?: Severity[];

  @Field(() => ID, { nullable: true, description: 'Alerts in this administrative unit or below it' })
  @IsOptional()
  @IsUUID()
  withinUnitId?: string;

  @Field({ nullable: true, description: 'Only alerts from this system, e.g. traffic-camera-ai' })
  @IsOptional()
  @Length(2, 64)
  sourceSystem?: string;

  @Field({ nullable: true, description: 'Received at or after' })
  receivedFrom?: Date;

  @Field({ nullable: true, description: 'Received before' })
  receivedTo?: Date;

  @Field(() => AlertStatus, { nullable: true, description: 'Only real alerts, or only drills' })
  status?: AlertStatus;
}

@InputType({ description: 'Verifying a new alert: the incident opened from it takes the alert’s data, corrected by what is given here' })
export class VerifyAlertInput {
  @Field(() => Int, { description: 'The alert’s `version` you read; CONFLICT when it changed since' })
  expectedVersion!: number;

  @Field(() => ID, { nullable: true, description: 'Corrects the category' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Process of the incident: TIMED, IMMEDIATE or COMMAND; the category’s default process when omitted',
  })
  @IsOptional()
  @Matches(/^(TIMED|IMMEDIATE|COMMAND)$/)
  process?: string;

  @Field(() => Severity, { nullable: true, description: 'Corrects the severity; the alert’s when omitted' })
  severity?: Severity;

  @Field(() => ID, { nullable: true, description: 'Sets or corrects the administrative unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field({ nullable: true, description: 'The incident’s title; the alert’s headline when omitted' })
  @IsOptional()
  @Length(3, 300)
  title?: string;

  @Field({ nullable: true, description: 'Note on the incident’s timeline, up to 2,000 characters' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: 'Dismissing a new alert' })
export class DismissAlertInput {
  @Field(() => Int, { description: 'The alert’s `version` you read; CONFLICT when it changed since' })
  expectedVersion!: number;

  @Field({ description: 'Why it is dismissed, 3–1,000 characters (shown to a citizen who follows the report)' })
  @Length(3, 1000)
  reason!: string;
}

@InputType({ description: 'Merging a new alert into the open incident it duplicates' })
export class MergeAlertInput {
  @Field(() => Int, { description: 'The alert’s `version` you read; CONFLICT when it changed since' })
  expectedVersion!: number;

  @Field(() => ID, { description: 'The open incident the alert is about' })
  @IsUUID()
  incidentId!: string;

  @Field({ nullable: true, description: 'Note on the alert’s timeline, up to 2,000 characters' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: 'How to reach the reporter: confidential, seen by the center’s operators only' })
export class ReporterContactInput {
  @Field({ nullable: true, description: 'Reporter’s name, 2–120 characters' })
  @IsOptional()
  @Length(2, 120)
  name?: string;

  @Field({ nullable: true, description: 'Reporter’s phone, 8–20 digits, spaces, dots or dashes' })
  @IsOptional()
  @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @Field({ nullable: true, description: 'Reporter’s email address' })
  @IsOptional()
  @IsEmail()
  email?: string;
}
