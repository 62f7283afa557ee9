import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdministrativeUnit } from '../administrativeUnit/administrativeUnit';

export enum AgencyKind {
  PROVINCIAL_PEOPLES_COMMITTEE = 'PROVINCIAL_PEOPLES_COMMITTEE',
  OPERATIONS_CENTER = 'OPERATIONS_CENTER',
  PROVINCIAL_DEPARTMENT = 'PROVINCIAL_DEPARTMENT',
  POLICE = 'POLICE',
  FIRE_AND_RESCUE = 'FIRE_AND_RESCUE',
  HEALTH = 'HEALTH',
  MILITARY = 'MILITARY',
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
}
registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'Kind of agency (loại cơ quan, đơn vị)',
  valuesConfig: {
    PROVINCIAL_PEOPLES_COMMITTEE: { description: 'The provincial people’s committee (UBND tỉnh)' },
    OPERATIONS_CENTER: { description: 'The intelligent operations center itself (Trung tâm IOC)' },
    PROVINCIAL_DEPARTMENT: { description: 'A provincial department or sector (sở, ngành), e.g. “Sở Xây dựng”' },
    POLICE: { description: 'Police (công an)' },
    FIRE_AND_RESCUE: { description: 'Fire prevention, fire fighting and rescue (PCCC & CNCH)' },
    HEALTH: { description: 'Health services (y tế), e.g. the emergency centre 115' },
    MILITARY: { description: 'Military command (quân sự), e.g. “Bộ Chỉ huy Quân sự tỉnh”' },
    PEOPLES_COMMITTEE: { description: 'A district or commune people’s committee (UBND cấp huyện/xã)' },
    PUBLIC_SERVICE: { description: 'A public service provider (đơn vị dịch vụ công), e.g. a water or power utility' },
  },
});

/** An agency (cơ quan, đơn vị) competent for some cases over an administrative unit. */
@Entity({ tableName: 'agency' })
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
