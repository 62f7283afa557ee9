import { CacheHint } from '@ioc-graph/platform';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AdministrativeLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(AdministrativeLevel, {
  name: 'AdministrativeLevel',
  description:
    'Tier of an administrative unit (cấp hành chính). The district tier was abolished by the 2025 reform and is kept only in older data',
  valuesConfig: {
    PROVINCE: { description: 'Province tier (cấp tỉnh): a province or a centrally governed city' },
    DISTRICT: { description: 'District tier (cấp huyện): abolished on 1 July 2025, kept for older data' },
    COMMUNE: { description: 'Commune tier (cấp xã): commune, ward, township or special zone' },
  },
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
  description: 'Legal kind of an administrative unit (loại đơn vị hành chính)',
  valuesConfig: {
    PROVINCE: { description: 'Province (tỉnh)' },
    MUNICIPALITY: { description: 'Centrally governed city (thành phố trực thuộc trung ương)' },
    PROVINCIAL_CITY: { description: 'City under a province (thành phố thuộc tỉnh), district tier' },
    TOWN: { description: 'District-tier town (thị xã)' },
    RURAL_DISTRICT: { description: 'Rural district (huyện)' },
    URBAN_DISTRICT: { description: 'Urban district (quận)' },
    WARD: { description: 'Urban ward (phường), commune tier' },
    COMMUNE: { description: 'Rural commune (xã)' },
    TOWNSHIP: { description: 'Township (thị trấn), commune tier' },
    SPECIAL_ZONE: { description: 'Special zone (đặc khu), commune tier since the 2025 reform' },
  },
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
@CacheHint(300)
@ObjectType({ description: 'An administrative unit (đơn vị hành chính): province, district or commune/ward' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'National unit code where known (mã đơn vị hành chính, e.g. "689"), otherwise a local code; unique' })
  code!: string;

  @Enum({ items: () => AdministrativeLevel })
  @Field(() => AdministrativeLevel, { description: 'Tier of the unit (cấp)' })
  level!: AdministrativeLevel;

  @Enum({ items: () => AdministrativeKind })
  @Field(() => AdministrativeKind, { description: 'Legal kind of the unit (loại), e.g. WARD' })
  kind!: AdministrativeKind;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially, e.g. "Phường Thác Mơ"' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, for English-language screens, e.g. "Thac Mo Ward"' })
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
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;

  /** Ids from the root down to the parent. */
  ancestorIds(): string[] {
    return this.path.split('/').filter(Boolean).slice(0, -1);
  }
}
