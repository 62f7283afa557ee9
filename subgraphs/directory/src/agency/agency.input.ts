import { Omittable } from '@ioc-graph/platform';
import { IsEmail, IsEnum, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { IsCode, IsPhone } from '../patterns';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AgencyKind } from './agency';

@InputType({ description: 'Filters on agencies; all given conditions must hold' })
export class AgencyFilter {
  @Field(() => AgencyKind, { nullable: true, description: 'Only agencies of this kind' })
  kind?: AgencyKind;

  @Field(() => ID, { nullable: true, description: 'Agencies whose jurisdiction is this unit or lies below it' })
  @IsOptional()
  @IsUUID()
  withinUnitId?: string;

  @Field({ nullable: true, description: 'Words of the name or code, with or without diacritics' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

/** The public contact of an agency; in updates, null clears a field. */
@InputType({ description: 'Public contact of an agency; in updates, null clears a field' })
abstract class AgencyContactInput {
  @Field(() => String, {
    nullable: true,
    description: 'Public phone, 7–20 digits, spaces, dots or dashes, e.g. "0271 3879 123"; null for none',
  })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Public email address; null for none' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Public postal address, 2–300 characters; null for none' })
  @IsOptional()
  @Length(2, 300)
  address?: string | null;
}

@InputType({ description: 'A new agency (operators only)' })
export class CreateAgencyInput extends AgencyContactInput {
  @Field({ description: 'Unique code, 2–32 upper-case letters, digits or dashes, e.g. "PCCC-BP"' })
  @IsCode()
  code!: string;

  @Field(() => AgencyKind, { description: 'Kind of agency' })
  kind!: AgencyKind;

  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially, 2–200 characters' })
  @Length(2, 200)
  nameVi!: string;

  @Field({ description: 'Name in English, for English-language screens, 2–200 characters' })
  @Length(2, 200)
  nameEn!: string;

  @Field(() => ID, { description: 'Administrative unit whose territory the agency is competent for' })
  @IsUUID()
  jurisdictionId!: string;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are, null clears an optional field' })
export class UpdateAgencyInput extends AgencyContactInput {
  @Field(() => Int, { nullable: true, description: 'The version read; a different current version is CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @Field(() => AgencyKind, { nullable: true, description: 'New kind' })
  @Omittable()
  @IsEnum(AgencyKind)
  kind?: AgencyKind;

  @Field({ nullable: true, description: 'New Vietnamese name, 2–200 characters' })
  @Omittable()
  @Length(2, 200)
  nameVi?: string;

  @Field({ nullable: true, description: 'New English name, 2–200 characters' })
  @Omittable()
  @Length(2, 200)
  nameEn?: string;

  @Field(() => ID, { nullable: true, description: 'New jurisdiction (administrative unit)' })
  @Omittable()
  @IsUUID()
  jurisdictionId?: string;
}
