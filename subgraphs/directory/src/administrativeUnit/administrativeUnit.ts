import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AdministrativeLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(AdministrativeLevel, {
  name: 'AdministrativeLevel',
  description: 'Tier of a unit: tỉnh/thành phố, cấp huyện (abolished by the 2025 reform, kept in older data), cấp xã',
});

export enum AdministrativeKind {
  PROVINCE = 'PROVINCE',
  MUNICIPALITY = 'MUNICIPALITY',
  PROVINCIAL_CITY = 'PROVINCIAL_CITY',
  TOWN = 'TOWN',
  RURAL_DISTRICT = 'RURAL_DISTRICT',
  URBAN_DISTRICT = 'URBAN_DISTRICT',
  WARD = 'WARD',
  COMMUNE = 'COMMUNE',
  TOWNSHIP = 'TOWNSHIP',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
}
registerEnumType(AdministrativeKind, {
  name: 'AdministrativeKind',
  description: 'tỉnh, thành phố trực thuộc trung ương, thành phố thuộc tỉnh, thị xã, huyện, quận, phường, xã, thị trấn, đặc khu',
});

/**
 * A node of the administrative tree (province → district → commune before the 2025 reform,
 * province → commune after it). `path` holds the ids from the root down to this unit, so a subtree is
 * one `LIKE 'path%'` and the ancestors need no recursion.
 */
@Entity({ tableName: 'administrative_unit' })
// text_pattern_ops lets `path LIKE 'prefix%'` (a subtree) use the index.
@Index({
  name: 'administrative_unit_path_index',
  expression: 'create index "administrative_unit_path_index" on "directory"."administrative_unit" ("path" text_pattern_ops)',
})
@ObjectType({ description: 'An administrative unit (đơn vị hành chính): province, district or commune/ward' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'National unit code where known (e.g. 70 for Bình Phước), otherwise a local code' })
  code!: string;

  @Enum({ items: () => AdministrativeLevel })
  @Field(() => AdministrativeLevel)
  level!: AdministrativeLevel;

  @Enum({ items: () => AdministrativeKind })
  @Field(() => AdministrativeKind)
  kind!: AdministrativeKind;

  @Property({ type: 'text' })
  @Field()
  nameVi!: string;

  @Property({ type: 'text' })
  @Field()
  nameEn!: string;

  @ManyToOne(() => AdministrativeUnit, { nullable: true, ref: true, index: true })
  parent: Ref<AdministrativeUnit> | null = null;

  @Property({ type: 'text' })
  path!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Depth in the tree: 0 for a root' })
  depth!: number;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  /** Names and code folded for search without diacritics. */
  @Property({ type: 'text' })
  searchText!: string;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int)
  version!: number;

  /** Ids from the root down to the parent. */
  ancestorIds(): string[] {
    return this.path.split('/').filter(Boolean).slice(0, -1);
  }
}
