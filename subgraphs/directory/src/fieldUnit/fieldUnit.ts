import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
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
  description: 'Kind of field unit (loại lực lượng hiện trường)',
  valuesConfig: {
    FIRE_TRUCK: { description: 'Fire engine (xe chữa cháy)' },
    AMBULANCE: { description: 'Ambulance (xe cứu thương)' },
    POLICE_PATROL: { description: 'Police rapid-response patrol (tuần tra 113)' },
    TRAFFIC_POLICE: { description: 'Traffic police (cảnh sát giao thông, CSGT)' },
    RESCUE_TEAM: { description: 'Search and rescue team (đội cứu nạn cứu hộ)' },
    URBAN_ORDER_TEAM: { description: 'Urban order team (đội trật tự đô thị)' },
    ENVIRONMENT_TEAM: { description: 'Environment team (đội môi trường)' },
    UTILITY_CREW: { description: 'Water and power repair crew (tổ sửa chữa điện nước)' },
  },
});

/** A team or vehicle of an agency that goes to the scene (lực lượng hiện trường). */
@Entity({ tableName: 'field_unit' })
@ObjectType({ description: 'A field unit (lực lượng hiện trường): a team or vehicle of an agency sent to the scene. Staff roles only' })
@Directive('@key(fields: "id")')
export class FieldUnit {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Short unique code, upper-case letters, digits and dashes, e.g. "FU-PCCC-01"' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Radio call sign (hô hiệu)' })
  callSign!: string;

  @Enum({ items: () => FieldUnitKind })
  @Field(() => FieldUnitKind, { description: 'Kind of unit' })
  kind!: FieldUnitKind;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially, e.g. "Xe chữa cháy số 1"' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, for English-language screens' })
  nameEn!: string;

  @ManyToOne(() => Agency, { ref: true, index: true })
  agency!: Ref<Agency>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Crew size (number of people)' })
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
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
