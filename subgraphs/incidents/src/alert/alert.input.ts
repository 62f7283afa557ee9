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

  @Field(() => ID)
  @IsUUID()
  categoryId!: string;

  @Field(() => Severity, { nullable: true, description: 'The category’s default when omitted' })
  severity?: Severity;

  @Field(() => Urgency, { nullable: true })
  urgency?: Urgency;

  @Field(() => Certainty, { nullable: true })
  certainty?: Certainty;

  @Field()
  @Length(3, 300)
  headline!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 4000)
  description?: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => ID, { nullable: true, description: 'The administrative unit where it happened' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 300)
  place?: string;

  @Field({ description: 'When it happened' })
  occurredAt!: Date;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl(URL_OPTIONS, { each: true })
  evidence?: string[];

  @Field(() => AlertStatus, { nullable: true, description: 'ACTUAL unless a drill' })
  status?: AlertStatus;
}

@InputType({ description: 'Filters on alerts; all given conditions must hold' })
export class AlertFilter {
  @Field(() => [AlertState], { nullable: true })
  states?: AlertState[];

  @Field(() => [Sector], { nullable: true })
  sectors?: Sector[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  categoryIds?: string[];

  @Field(() => [Severity], { nullable: true })
  severities?: Severity[];

  @Field(() => ID, { nullable: true, description: 'Alerts in this administrative unit or below it' })
  @IsOptional()
  @IsUUID()
  withinUnitId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 64)
  sourceSystem?: string;

  @Field({ nullable: true, description: 'Received at or after' })
  receivedFrom?: Date;

  @Field({ nullable: true, description: 'Received before' })
  receivedTo?: Date;

  @Field(() => AlertStatus, { nullable: true })
  status?: AlertStatus;
}

@InputType()
export class VerifyAlertInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => ID, { nullable: true, description: 'Corrects the category' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @Field(() => String, { nullable: true, description: 'The category’s default process when omitted' })
  @IsOptional()
  @Matches(/^(TIMED|IMMEDIATE|COMMAND)$/)
  process?: string;

  @Field(() => Severity, { nullable: true })
  severity?: Severity;

  @Field(() => ID, { nullable: true, description: 'Sets or corrects the administrative unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field({ nullable: true, description: 'The incident’s title; the alert’s headline when omitted' })
  @IsOptional()
  @Length(3, 300)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType()
export class DismissAlertInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field({ description: 'Why it is dismissed (shown to a citizen who follows the report)' })
  @Length(3, 1000)
  reason!: string;
}

@InputType()
export class MergeAlertInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => ID, { description: 'The open incident the alert is about' })
  @IsUUID()
  incidentId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: 'How to reach the reporter: confidential, seen by the center’s operators only' })
export class ReporterContactInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 120)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;
}
