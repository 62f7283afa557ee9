import { GeoPointInput } from '@ioc-graph/platform';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { Certainty, Severity, Urgency } from '../vocabulary';
import { CapCategory, CapResponseType } from './capVocabulary';

/** Limits of a public warning, from CAP practice: headlines fit a phone's notification. */
export const WARNING_LIMITS = {
  headline: 160,
  text: 2000,
  event: 100,
  units: 50,
  polygonPoints: 500,
  radiusKm: 200,
  /** A warning is in force for at most this long; a longer hazard is warned again. */
  maxDurationMs: 7 * 24 * 3_600_000,
} as const;

@InputType({ description: 'A circle a public warning covers: its centre (latitude, longitude) and radius' })
export class WarningCircleInput extends GeoPointInput {
  @Field(() => Float, { description: 'Radius in kilometres, above 0 and at most 200' })
  @Min(0.001)
  @Max(WARNING_LIMITS.radiusKm)
  radiusKm!: number;
}

/**
 * Everything a public warning says. An update gives it whole again: a CAP Update message replaces the
 * earlier ones, so every message carries the complete warning.
 */
@InputType({ description: 'What a public warning says, in Vietnamese and English, and where' })
export class PublicWarningInput {
  @Field({ description: 'Kind of event in Vietnamese, e.g. "Lũ", 1–100 characters' })
  @Length(1, WARNING_LIMITS.event)
  eventVi!: string;

  @Field({ description: 'Kind of event in English, e.g. "Flood", 1–100 characters' })
  @Length(1, WARNING_LIMITS.event)
  eventEn!: string;

  @Field(() => CapCategory, { nullable: true, description: 'CAP category; from the alert’s sector when omitted' })
  category?: CapCategory;

  @Field(() => Severity, { nullable: true, description: 'CAP severity; the alert’s when omitted' })
  severity?: Severity;

  @Field(() => Urgency, { nullable: true, description: 'CAP urgency; the alert’s when omitted' })
  urgency?: Urgency;

  @Field(() => Certainty, { nullable: true, description: 'CAP certainty; the alert’s when omitted' })
  certainty?: Certainty;

  @Field(() => CapResponseType, { nullable: true, description: 'What the public should do; omit when not said' })
  responseType?: CapResponseType;

  @Field({ description: 'Headline in Vietnamese, 1–160 characters' })
  @Length(1, WARNING_LIMITS.headline)
  headlineVi!: string;

  @Field({ description: 'Headline in English, 1–160 characters' })
  @Length(1, WARNING_LIMITS.headline)
  headlineEn!: string;

  @Field({ description: 'Description in Vietnamese, 1–2,000 characters' })
  @Length(1, WARNING_LIMITS.text)
  descriptionVi!: string;

  @Field({ description: 'Description in English, 1–2,000 characters' })
  @Length(1, WARNING_LIMITS.text)
  descriptionEn!: string;

  @Field({ nullable: true, description: 'What to do, in Vietnamese, 1–2,000 characters' })
  @IsOptional()
  @Length(1, WARNING_LIMITS.text)
  instructionVi?: string;

  @Field({ nullable: true, description: 'What to do, in English, 1–2,000 characters' })
  @IsOptional()
  @Length(1, WARNING_LIMITS.text)
  instructionEn?: string;

  @Field({ nullable: true, description: 'When the event is expected to begin; before expires' })
  onset?: Date;

  @Field({ description: 'When the warning stops being in force: after now, at most 7 days ahead' })
  expires!: Date;

  @Field({ description: 'The area in words, in Vietnamese, 1–2,000 characters' })
  @Length(1, WARNING_LIMITS.text)
  areaDescVi!: string;

  @Field({ description: 'The area in words, in English, 1–2,000 characters' })
  @Length(1, WARNING_LIMITS.text)
  areaDescEn!: string;

  @Field(() => [ID], { description: 'The administrative units covered, 1–50; their national codes become CAP geocodes' })
  @ArrayMinSize(1)
  @ArrayMaxSize(WARNING_LIMITS.units)
  @IsUUID('all', { each: true })
  unitIds!: string[];

  @Field(() => WarningCircleInput, { nullable: true, description: 'A circle covered, radius at most 200 km' })
  @IsOptional()
  @ValidateNested()
  circle?: WarningCircleInput;

  @Field(() => [GeoPointInput], {
    nullable: true,
    description: 'A closed ring covered: 4–500 points, the first the same as the last',
  })
  @IsOptional()
  @ArrayMinSize(4)
  @ArrayMaxSize(WARNING_LIMITS.polygonPoints)
  @ValidateNested({ each: true })
  polygon?: GeoPointInput[];
}

@InputType({ description: 'A public warning about an alert' })
export class IssuePublicWarningInput extends PublicWarningInput {
  @Field(() => ID, { description: 'The alert warned about: VERIFIED, or MERGED into an open incident' })
  @IsUUID()
  alertId!: string;
}
