import { Omittable } from '@ioc-graph/platform';
import { IsEmail, IsEnum, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { IsCode, IsPhone } from '../patterns';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AgencyKind } from './agency';


@InputType({ description: 'Filters on agencies; all given conditions must hold' })
export class AgencyFilter {
  @Field(() => AgencyKind, { nullable: true })
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
@InputType()
abstract class AgencyContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300)
  address?: string | null;
}

@InputType()
export class CreateAgencyInput extends AgencyContactInput {
  @Field()
  @IsCode()
  code!: string;

  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Field()
  @Length(2, 200)
  nameVi!: string;

  @Field()
  @Length(2, 200)
  nameEn!: string;

  @Field(() => ID)
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

  @Field(() => AgencyKind, { nullable: true })
  @Omittable()
  @IsEnum(AgencyKind)
  kind?: AgencyKind;

  @Field({ nullable: true })
  @Omittable()
  @Length(2, 200)
  nameVi?: string;

  @Field({ nullable: true })
  @Omittable()
  @Length(2, 200)
  nameEn?: string;

  @Field(() => ID, { nullable: true })
  @Omittable()
  @IsUUID()
  jurisdictionId?: string;
}
