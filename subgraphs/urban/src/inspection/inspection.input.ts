import { ConnectionType } from '@ioc-graph/platform';
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { InspectionKind } from '../vocabulary';
import { Inspection } from './inspection';

/** What an inspection team files from the field. */
@InputType({ description: 'An urban-order inspection record as a team files it from the field' })
export class FileInspectionInput {
  @Field(() => InspectionKind, { description: 'What was found' })
  kind!: InspectionKind;

  @Field({ description: 'What the team saw (1 to 2000 characters)' })
  description!: string;

  @Field({ description: 'House number and street (1 to 300 characters)' })
  address!: string;

  @Field(() => Float, { description: 'Latitude (WGS 84)' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude (WGS 84)' })
  longitude!: number;

  @Field(() => ID, { description: 'The ward or commune (AdministrativeUnit) it lies in' })
  unitId!: string;

  @Field({ description: 'When the team saw it (not in the future)' })
  observedAt!: Date;

  @Field(() => [String], { defaultValue: [], description: 'Photo URLs (http or https), at most 10' })
  photos!: string[];

  @Field({
    defaultValue: false,
    description: 'Report it to the center now: one alert is raised (the center verifies it and opens an incident)',
  })
  reportToCenter!: boolean;
}

@ObjectType({ description: 'A page of inspection records' })
export class InspectionConnection extends ConnectionType(Inspection) {}
