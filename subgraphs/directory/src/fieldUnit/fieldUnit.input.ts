import { GeoPointInput, Omittable } from '@ioc-graph/platform';
import { IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsCode } from '../patterns';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FieldUnitKind } from './fieldUnit';


@InputType({ description: 'Filters on field units; all given conditions must hold' })
export class FieldUnitFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => FieldUnitKind, { nullable: true })
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

@InputType()
export class HomeBaseInput {
  @Field(() => ID, { description: 'Administrative unit of the base' })
  @IsUUID()
  unitId!: string;

  @Field()
  @Length(2, 300)
  address!: string;

  @Field(() => GeoPointInput)
  @ValidateNested()
  location!: GeoPointInput;
}

@InputType()
export class CreateFieldUnitInput {
  @Field()
  @IsCode()
  code!: string;

  @Field()
  @Length(2, 40)
  callSign!: string;

  @Field(() => FieldUnitKind)
  kind!: FieldUnitKind;

  @Field()
  @Length(2, 200)
  nameVi!: string;

  @Field()
  @Length(2, 200)
  nameEn!: string;

  @Field(() => ID)
  @IsUUID()
  agencyId!: string;

  @Field(() => Int, { description: 'Crew size, 1–200' })
  @IsInt()
  @Min(1)
  @Max(200)
  capacity!: number;

  @Field(() => HomeBaseInput)
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

  @Field({ nullable: true })
  @Omittable()
  @Length(2, 40)
  callSign?: string;

  @Field(() => FieldUnitKind, { nullable: true })
  @Omittable()
  @IsEnum(FieldUnitKind)
  kind?: FieldUnitKind;

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
  agencyId?: string;

  @Field(() => Int, { nullable: true })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(200)
  capacity?: number;

  @Field(() => HomeBaseInput, { nullable: true })
  @Omittable()
  @ValidateNested()
  homeBase?: HomeBaseInput;
}
