import { GeoPoint } from '@ioc-graph/platform';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { AlertStatus, Certainty, Severity, Urgency } from '../vocabulary';
import { CapCategory, CapResponseType } from './capVocabulary';

/** An administrative unit a warning covers, as the directory named it when the warning was written. */
@ObjectType('PublicWarningUnit', { description: 'An administrative unit a public warning covers (its CAP geocode)' })
export class WarningUnit {
  @Field(() => ID, { description: 'Id of the administrative unit' })
  id!: string;

  @Field({ description: 'National unit code (mã đơn vị hành chính): the CAP geocode, valueName VN-ADMIN-CODE' })
  code!: string;

  @Field({ description: 'Name in Vietnamese when the warning was written' })
  nameVi!: string;

  @Field({ description: 'Name in English when the warning was written' })
  nameEn!: string;
}

/** A CAP circle: a centre (the point's latitude and longitude) and a radius. */
@ObjectType('PublicWarningCircle', { description: 'A circle a public warning covers (CAP circle): its centre and radius' })
export class WarningCircle extends GeoPoint {
  @Field(() => Float, { description: 'Radius in kilometres, above 0 and at most 200' })
  radiusKm!: number;
}

/**
 * What a public warning says, in Vietnamese and English: the warning's current content, and the
 * snapshot each CAP message keeps of it (a JSON column), so that an old message reads as it was sent.
 * Times are ISO 8601 strings in UTC, as JSON keeps them.
 */
@ObjectType('PublicWarningContent', { description: 'What a public warning says: text in Vietnamese and English, CAP codes, area' })
export class WarningContent {
  @Field(() => AlertStatus, { description: 'ACTUAL, or EXERCISE when the alert is a drill (CAP status Exercise)' })
  status!: AlertStatus;

  @Field({ description: 'Kind of event in Vietnamese, e.g. "Lũ"' })
  eventVi!: string;

  @Field({ description: 'Kind of event in English, e.g. "Flood"' })
  eventEn!: string;

  @Field(() => CapCategory, { description: 'CAP category' })
  category!: CapCategory;

  @Field(() => Severity, { description: 'CAP severity' })
  severity!: Severity;

  @Field(() => Urgency, { description: 'CAP urgency' })
  urgency!: Urgency;

  @Field(() => Certainty, { description: 'CAP certainty' })
  certainty!: Certainty;

  @Field(() => CapResponseType, { nullable: true, description: 'What the public should do; null when not said' })
  responseType!: CapResponseType | null;

  @Field({ description: 'Headline in Vietnamese, at most 160 characters' })
  headlineVi!: string;

  @Field({ description: 'Headline in English, at most 160 characters' })
  headlineEn!: string;

  @Field({ description: 'Description in Vietnamese, at most 2,000 characters' })
  descriptionVi!: string;

  @Field({ description: 'Description in English, at most 2,000 characters' })
  descriptionEn!: string;

  @Field(() => String, { nullable: true, description: 'What to do, in Vietnamese; null when not said' })
  instructionVi!: string | null;

  @Field(() => String, { nullable: true, description: 'What to do, in English; null when not said' })
  instructionEn!: string | null;

  @Field(() => String, { nullable: true, description: 'When the event is expected to begin (UTC, ISO 8601); null when not said' })
  onset!: string | null;

  @Field({ description: 'When the warning stops being in force (UTC, ISO 8601)' })
  expires!: string;

  @Field({ description: 'The area in words, in Vietnamese' })
  areaDescVi!: string;

  @Field({ description: 'The area in words, in English' })
  areaDescEn!: string;

  @Field(() => [WarningUnit], { description: 'The administrative units covered (1–50)' })
  units!: WarningUnit[];

  @Field(() => WarningCircle, { nullable: true, description: 'A circle covered; null when none' })
  circle!: WarningCircle | null;

  @Field(() => [GeoPoint], { nullable: true, description: 'A closed ring covered (first point = last); null when none' })
  polygon!: GeoPoint[] | null;
}
