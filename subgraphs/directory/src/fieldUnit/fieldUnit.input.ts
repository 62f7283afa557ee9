import { GeoPointInput, Omittable } from '@ioc-graph/platform';
import { IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsCode } from '../patterns';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FieldUnitKind } from './fieldUnit';

@InputType({ description: 'Filters on field units; all given conditions must hold' })
export class FieldUnitFilter {
  @Field(() => ID, { nullable: true, description: 'Only units of this agency' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => FieldUnitKind, { nullable: true, description: 'Only units of this kind' })
  kind?: FieldUnitKind;

  @Field(() => ID, { nullable: true, description: 'Units based in this administrative unit or below it' })
  @IsOptional()
  @IsUUID()
  withinUnitId?: string;

  @Field({ nullable: true, description: 'Words of the name, code or call sign, with or without diacritics' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@InputType({ description: 'Where a field unit is stationed' })
export class HomeBaseInput {
  @Field(() => ID, { description: 'Administrative unit of the base' })
  @IsUUID()
  unitId!: string;

  @Field({ description: 'Street address of the base, 2–300 characters' })
  @Length(2, 300)
  address!: string;

  @Field(() => GeoPointInput, { description: 'Position of the base' })
  @ValidateNested()
  location!: GeoPointInput;
}

@InputType({ description: 'A new field unit (operators only)' })
export class CreateFieldUnitInput {
  @Field({ description: 'Unique code, 2–32 upper-case letters, digits or dashes, e.g. "FU-PCCC-01"' })
  @IsCode()
  code!: string;

  @Field({ description: 'Radio call sign (hô hiệu), 2–40 characters' })
  @Length(2, 40)
  callSign!: string;

  @Field(() => FieldUnitKind, { description: 'Kind of unit' })
  kind!: FieldUnitKind;

  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially, 2–200 characters' })
  @Length(2, 200)
  nameVi!: string;

  @Field({ description: 'Name in English, for English-language screens, 2–200 characters' })
  @Length(2, 200)
  nameEn!: string;

  @Field(() => ID, { description: 'Agency the unit belongs to' })
  @IsUUID()
  agencyId!: string;

  @Field(() => Int, { description: 'Crew size, 1–200' })
  @IsInt()
  @Min(1)
  @Max(200)
  capacity!: number;

  @Field(() => HomeBaseInput, { description: 'Where the unit is stationed' })
  @ValidateNested()
  homeBase!: HomeBaseInput;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are' })
export class UpdateFieldUnitInput {
  @Field(() => Int, { nullable: true, description: 'The version read; a different current version is CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @Field({ nullable: true, description: 'New call sign, 2–40 characters' })
  @Omittable()
  @Length(2, 40)
  callSign?: string;

  @Field(() => FieldUnitKind, { nullable: true, description: 'New kind' })
  @Omittable()
  @IsEnum(FieldUnitKind)
  kind?: FieldUnitKind;

  @Field({ nullable: true, description: 'New Vietnamese name, 2–200 characters' })
  @Omittable()
  @Length(2, 200)
  nameVi?: string;

  @Field({ nullable: true, description: 'New English name, 2–200 characters' })
  @Omittable()
  @Length(2, 200)
  nameEn?: string;

  @Field(() => ID, { nullable: true, description: 'New agency' })
  @Omittable()
  @IsUUID()
  agencyId?: string;

  @Field(() => Int, { nullable: true, description: 'New crew size, 1–200' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(200)
  capacity?: number;

  @Field(() => HomeBaseInput, { nullable: true, description: 'New base, replaced as a whole' })
  @Omittable()
  @ValidateNested()
  homeBase?: HomeBaseInput;
}
