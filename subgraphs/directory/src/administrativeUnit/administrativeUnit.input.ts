import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AdministrativeKind, AdministrativeLevel } from './administrativeUnit';

@InputType({ description: 'Filters on administrative units; all given conditions must hold' })
export class AdministrativeUnitFilter {
  @Field(() => AdministrativeLevel, { nullable: true, description: 'Only units of this tier' })
  level?: AdministrativeLevel;

  @Field(() => AdministrativeKind, { nullable: true, description: 'Only units of this kind' })
  kind?: AdministrativeKind;

  @Field(() => ID, { nullable: true, description: 'Direct children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'Anywhere below this unit (its whole subtree, itself excluded)' })
  @IsOptional()
  @IsUUID()
  withinId?: string;

  @Field({ nullable: true, description: 'Words of the name or code, with or without diacritics' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}
