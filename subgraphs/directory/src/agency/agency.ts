import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
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
  description: 'UBND tỉnh, trung tâm IOC, sở/ngành, công an, PCCC & CNCH, y tế, quân sự, UBND cấp huyện/xã, đơn vị dịch vụ công',
});

/** An agency (cơ quan, đơn vị) competent for some cases over an administrative unit. */
@Entity({ tableName: 'agency' })
@ObjectType({ description: 'An agency: department, police, fire and rescue, health, people’s committee…' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class Agency {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field()
  code!: string;

  @Enum({ items: () => AgencyKind })
  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Property({ type: 'text' })
  @Field()
  nameVi!: string;

  @Property({ type: 'text' })
  @Field()
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
  @Field(() => String, { nullable: true })
  address: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int)
  version!: number;
}
