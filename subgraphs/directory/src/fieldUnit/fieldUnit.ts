import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdministrativeUnit } from '../administrativeUnit/administrativeUnit';
import { Agency } from '../agency/agency';

export enum FieldUnitKind {
  FIRE_TRUCK = 'FIRE_TRUCK',
  AMBULANCE = 'AMBULANCE',
  POLICE_PATROL = 'POLICE_PATROL',
  TRAFFIC_POLICE = 'TRAFFIC_POLICE',
  RESCUE_TEAM = 'RESCUE_TEAM',
  URBAN_ORDER_TEAM = 'URBAN_ORDER_TEAM',
  ENVIRONMENT_TEAM = 'ENVIRONMENT_TEAM',
  UTILITY_CREW = 'UTILITY_CREW',
}
registerEnumType(FieldUnitKind, {
  name: 'FieldUnitKind',
  description: 'xe chữa cháy, xe cứu thương, tuần tra 113, CSGT, đội cứu nạn cứu hộ, đội trật tự đô thị, đội môi trường, tổ sửa chữa điện nước',
});

/** A team or vehicle of an agency that goes to the scene (lực lượng hiện trường). */
@Entity({ tableName: 'field_unit' })
@ObjectType({ description: 'A field unit: a team or vehicle of an agency sent to the scene' })
@Directive('@key(fields: "id")')
export class FieldUnit {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field()
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Radio call sign' })
  callSign!: string;

  @Enum({ items: () => FieldUnitKind })
  @Field(() => FieldUnitKind)
  kind!: FieldUnitKind;

  @Property({ type: 'text' })
  @Field()
  nameVi!: string;

  @Property({ type: 'text' })
  @Field()
  nameEn!: string;

  @ManyToOne(() => Agency, { ref: true, index: true })
  agency!: Ref<Agency>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Crew size' })
  capacity!: number;

  @ManyToOne(() => AdministrativeUnit, { ref: true, index: true })
  homeUnit!: Ref<AdministrativeUnit>;

  @Property({ type: 'text' })
  homeAddress!: string;

  @Property({ type: 'double' })
  homeLatitude!: number;

  @Property({ type: 'double' })
  homeLongitude!: number;

  @Property({ type: 'text' })
  searchText!: string;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int)
  version!: number;
}
