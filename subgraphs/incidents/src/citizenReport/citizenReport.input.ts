import { GeoPointInput } from '@ioc-graph/platform';
import { ArrayMaxSize, IsOptional, IsUrl, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ReporterContactInput } from '../alert/alert.input';

@InputType({ description: 'A problem reported by a citizen (phản ánh hiện trường); no login needed' })
export class CitizenReportInput {
  @Field(() => ID, { description: 'A category whose citizenReportable is true' })
  @IsUUID()
  categoryId!: string;

  @Field({ description: 'What is wrong' })
  @Length(10, 4000)
  description!: string;

  @Field({ nullable: true, description: 'Where: address or landmark' })
  @IsOptional()
  @Length(2, 300)
  place?: string;

  @Field(() => GeoPointInput, {
    nullable: true,
    description: 'Where, as a point (e.g. from the phone’s GPS); the ward is found from it when unitId is omitted',
  })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;

  @Field(() => ID, { nullable: true, description: 'The ward or commune, if the reporter knows it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field(() => [String], { nullable: true, description: 'Links to photos (up to 10)' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { each: true })
  photoUrls?: string[];

  @Field(() => ReporterContactInput, { nullable: true, description: 'Optional; seen by the center’s operators only' })
  @IsOptional()
  @ValidateNested()
  contact?: ReporterContactInput;

  @Field({ nullable: true, description: 'When it was seen; now when omitted' })
  occurredAt?: Date;
}

@InputType({ description: 'Filters on published citizen reports; all given conditions must hold' })
export class PublishedCitizenReportFilter {
  @Field({ nullable: true, description: 'Only reports of the category with this code, e.g. "URB_ILLEGAL_CONSTRUCTION"' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'categoryCode must be a category code, e.g. URB_ILLEGAL_CONSTRUCTION' })
  categoryCode?: string;

  @Field({ nullable: true, description: 'Case opened by the center at or after (the report’s verification, UTC)' })
  receivedFrom?: Date;

  @Field({ nullable: true, description: 'Case opened by the center before (UTC)' })
  receivedTo?: Date;
}
