import { GeoPointInput } from '@ioc-graph/platform';
import { IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ResourceKind } from '../vocabulary';

@InputType({ description: 'Forces, vehicles, equipment or supplies to allocate to an operation (the center)' })
export class AllocateResourceInput {
  @Field(() => ResourceKind, { description: 'Kind of resource' })
  kind!: ResourceKind;

  @Field(() => Int, { description: 'How many, in the unit of the kind (boats, people, bags…)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @Field({ description: 'What and where, e.g. “6 xuồng máy của BCHQS tỉnh tại bến Thác Mơ”' })
  @Length(2, 500)
  description!: string;

  @Field(() => ID, { nullable: true, description: 'The agency providing it' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where it is staged' })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput;
}

@InputType({ description: 'Releases a resource the operation no longer needs (the center)' })
export class ReleaseResourceInput {
  @Field({ nullable: true, description: 'Note for the running log, up to 2,000 characters' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}
