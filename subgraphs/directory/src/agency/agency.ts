import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AgencyKind, CacheHint } from '@ioc-graph/platform';
import { AdministrativeUnit } from '../administrativeUnit/administrativeUnit';

export { AgencyKind };

/** An agency (cơ quan, đơn vị) competent for some cases over an administrative unit. */
@Entity({ tableName: 'agency' })
@CacheHint(300)
@ObjectType({
  description:
    'An agency (cơ quan, đơn vị): department, police, fire and rescue, health, people’s committee… competent for cases over an administrative unit',
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class Agency {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Short unique code, upper-case letters, digits and dashes, e.g. "PCCC-BP"' })
  code!: string;

  @Enum({ items: () => AgencyKind })
  @Field(() => AgencyKind, { description: 'Kind of agency' })
  kind!: AgencyKind;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially, e.g. "Sở Xây dựng"' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, for English-language screens, e.g. "Department of Construction"' })
  nameEn!: string;

  /** The unit whose territory the agency is competent for. */
  @ManyToOne(() => AdministrativeUnit, { ref: true, index: true })
  jurisdiction!: Ref<AdministrativeUnit>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Public contact phone' })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Public contact email' })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Public postal address; null when not recorded' })
  address: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
