import { Omittable, Role } from '@ioc-graph/platform';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { IsPhone } from '../patterns';
import { Field, ID, InputType, Int } from 'type-graphql';

const SUBJECT_PATTERN = /^[\w.@:-]{3,200}$/;

@InputType({ description: 'Filters on people; all given conditions must hold' })
export class PersonFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field({ nullable: true, description: 'Words of the name, with or without diacritics' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@InputType()
export class CreatePersonInput {
  @Field()
  @Length(2, 200)
  fullName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The `sub` of the person’s tokens at the identity provider' })
  @IsOptional()
  @Matches(SUBJECT_PATTERN, { message: 'subject must be 3–200 letters, digits or ._@:-' })
  subject?: string | null;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For field officers: their unit, which must belong to their agency' })
  @IsOptional()
  @IsUUID()
  fieldUnitId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are, null clears an optional field' })
export class UpdatePersonInput {
  @Field(() => Int, { nullable: true, description: 'The version read; a different current version is CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @Field({ nullable: true })
  @Omittable()
  @Length(2, 200)
  fullName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string | null;

  @Field(() => [Role], { nullable: true })
  @Omittable()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  fieldUnitId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;
}
