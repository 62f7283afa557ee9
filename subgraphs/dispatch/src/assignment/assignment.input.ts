import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsUrl, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AssignmentState, UnitStatus } from '../vocabulary';

@InputType({ description: 'Sends a field unit to an IMMEDIATE incident' })
export class DispatchUnitInput {
  @Field(() => ID)
  @IsUUID()
  incidentId!: string;

  @Field(() => ID)
  @IsUUID()
  fieldUnitId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType()
export class AssignmentStepInput {
  @Field(() => Int, { description: 'The version read; a different current version is CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true, description: 'Required to decline or cancel' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType()
export class AssignmentNoteInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string;

  @Field({ nullable: true, description: 'A photo from the scene' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  photoUrl?: string;
}

@InputType({ description: 'One position fix of a unit' })
export class PositionInput {
  @Field(() => Float)
  @Min(-90)
  @Max(90)
  latitude!: number;

  @Field(() => Float)
  @Min(-180)
  @Max(180)
  longitude!: number;

  @Field({ description: 'When the fix was taken' })
  at!: Date;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(400)
  speedKmh?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(360)
  heading?: number;
}

@InputType()
export class ReportPositionsInput {
  @Field(() => ID)
  @IsUUID()
  fieldUnitId!: string;

  @Field(() => [PositionInput], { description: '1–500 fixes, in any order' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  positions!: PositionInput[];
}

@InputType()
export class SetUnitStatusInput {
  @Field(() => ID)
  @IsUUID()
  fieldUnitId!: string;

  @Field(() => UnitStatus, { description: 'AVAILABLE or OUT_OF_SERVICE without an assignment; TRANSPORTING or ON_SCENE while on scene' })
  @IsIn(Object.values(UnitStatus))
  status!: UnitStatus;
}

@InputType({ description: 'Filters on assignments; all given conditions must hold' })
export class AssignmentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  fieldUnitId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => [AssignmentState], { nullable: true })
  states?: AssignmentState[];
}
