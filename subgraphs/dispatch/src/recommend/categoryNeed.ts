import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** Which kinds of field unit an incident category calls for (kept as data: the center tunes it). */
@Entity({ tableName: 'category_need' })
@ObjectType({ description: 'The kinds of field unit an incident category calls for' })
export class CategoryNeed {
  @PrimaryKey({ type: 'text' })
  @Field({ description: 'The category’s code in the incidents catalogue' })
  categoryCode!: string;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'FieldUnitKind values, most needed first' })
  unitKinds!: string[];
}
