import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsUrl, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AssignmentState, UnitStatus } from '../vocabulary';

@InputType({ description: 'Sends a field unit to an IMMEDIATE incident' })
export class DispatchUnitInput {
  @Field(() => ID, { description: 'The IMMEDIATE incident to send the unit to' })
  @IsUUID()
  incidentId!: string;

  @Field(() => ID, { description: 'The unit to send; it must be AVAILABLE' })
  @IsUUID()
  fieldUnitId!: string;

  @Field({ nullable: true, description: 'Instructions to the crew, 1–1,000 characters' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: 'A step of an assignment: the version read and a note' })
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

@InputType({ description: 'A note or photo from the crew, kept in the assignment’s log' })
export class AssignmentNoteInput {
  @Field({ nullable: true, description: 'The note, 1–2,000 characters' })
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
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84), −90 to 90' })
  @Min(-90)
  @Max(90)
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84), −180 to 180' })
  @Min(-180)
  @Max(180)
  longitude!: number;

  @Field({ description: 'When the fix was taken' })
  at!: Date;

  @Field(() => Float, { nullable: true, description: 'Speed in km/h, 0–400; null when unknown' })
  @IsOptional()
  @Min(0)
  @Max(400)
  speedKmh?: number;

  @Field(() => Float, { nullable: true, description: 'Heading in degrees clockwise from north, 0–360; null when unknown' })
  @IsOptional()
  @Min(0)
  @Max(360)
  heading?: number;
}

@InputType({ description: 'Position fixes of one unit (AVL or the crew’s app)' })
export class ReportPositionsInput {
  @Field(() => ID, { description: 'The unit that reports' })
  @IsUUID()
  fieldUnitId!: string;

  @Field(() => [PositionInput], { description: '1–500 fixes, in any order' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  positions!: PositionInput[];
}

@InputType({ description: 'A status the crew sets itself' })
export class SetUnitStatusInput {
  @Field(() => ID, { description: 'The unit' })
  @IsUUID()
  fieldUnitId!: string;

  @Field(() => UnitStatus, { description: 'AVAILABLE or OUT_OF_SERVICE without an assignment; TRANSPORTING or ON_SCENE while on scene' })
  @IsIn(Object.values(UnitStatus))
  status!: UnitStatus;
}

@InputType({ description: 'Filters on assignments; all given conditions must hold' })
export class AssignmentFilter {
  @Field(() => [ID], {
    nullable: true,
    description:
      'Only the assignments with these ids (at most 100); the other conditions and the caller’s scope still apply. An empty list matches none',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only assignments to this incident' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @Field(() => ID, { nullable: true, description: 'Only assignments of this unit' })
  @IsOptional()
  @IsUUID()
  fieldUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'Only assignments of this agency’s units' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => [AssignmentState], { nullable: true, description: 'Only assignments in one of these states' })
  states?: AssignmentState[];
}
