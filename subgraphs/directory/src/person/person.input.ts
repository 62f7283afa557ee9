import { Omittable, Role } from '@ioc-graph/platform';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { IsPhone } from '../patterns';
import { Field, ID, InputType, Int } from 'type-graphql';

const SUBJECT_PATTERN = /^[\w.@:-]{3,200}$/;

@InputType({ description: 'Filters on people; all given conditions must hold' })
export class PersonFilter {
  @Field(() => ID, { nullable: true, description: 'Only people of this agency' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => Role, { nullable: true, description: 'Only people holding this role' })
  role?: Role;

  @Field({ nullable: true, description: 'Words of the name, with or without diacritics' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@InputType({ description: 'A new person (operators only)' })
export class CreatePersonInput {
  @Field({ description: 'Full name (họ và tên), 2–200 characters' })
  @Length(2, 200)
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Position (chức vụ), 2–200 characters' })
  @IsOptional()
  @Length(2, 200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The `sub` of the person’s tokens at the identity provider' })
  @IsOptional()
  @Matches(SUBJECT_PATTERN, { message: 'subject must be 3–200 letters, digits or ._@:-' })
  subject?: string | null;

  @Field(() => [Role], { description: 'Roles, 1–6' })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'Agency the person works for; required for agency staff and field officers' })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For field officers: their unit, which must belong to their agency' })
  @IsOptional()
  @IsUUID()
  fieldUnitId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone, 7–20 digits, spaces, dots or dashes; seen only by operators and the person',
  })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address; seen only by operators and the person' })
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

  @Field({ nullable: true, description: 'New full name, 2–200 characters' })
  @Omittable()
  @Length(2, 200)
  fullName?: string;

  @Field(() => String, { nullable: true, description: 'New position, 2–200 characters; null clears it' })
  @IsOptional()
  @Length(2, 200)
  title?: string | null;

  @Field(() => [Role], { nullable: true, description: 'New roles, 1–6, replacing the old ones' })
  @Omittable()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @Field(() => ID, { nullable: true, description: 'New agency; null clears it' })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'New field unit, which must belong to the person’s agency; null clears it' })
  @IsOptional()
  @IsUUID()
  fieldUnitId?: string | null;

  @Field(() => String, { nullable: true, description: 'New phone; null clears it' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'New email address; null clears it' })
  @IsOptional()
  @IsEmail()
  email?: string | null;
}
