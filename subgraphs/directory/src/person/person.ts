import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Role } from '@ioc-graph/platform';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from '../administrativeUnit/administrativeUnit';
import { Agency } from '../agency/agency';
import { FieldUnit } from '../fieldUnit/fieldUnit';

/** A person who works with the graph: leader, operator, agency staff, field officer, or a system account. */
@Entity({ tableName: 'person' })
@ObjectType({ description: 'A person (or system account) with roles in the center’s work' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "subject")')
export class Person {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'roles' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  /** The `sub` of this person's tokens; links a caller to their record. */
  @Property({ type: 'text', unique: true, nullable: true })
  @Field(() => String, { nullable: true, description: 'The account (token subject) of the person; other subgraphs refer to people by it' })
  subject: string | null = null;

  @Property({ type: 'text' })
  @Field({ description: 'Full name (họ và tên), e.g. "Nguyễn Văn An"' })
  fullName!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Position (chức vụ), e.g. “Phó Chủ tịch UBND tỉnh”; null when not recorded' })
  title: string | null = null;

  @Property({ type: 'text[]' })
  @Field(() => [Role], { description: 'What the person may do in the graph' })
  roles: Role[] = [];

  @ManyToOne(() => Agency, { ref: true, nullable: true, index: true })
  agency: Ref<Agency> | null = null;

  @ManyToOne(() => FieldUnit, { ref: true, nullable: true, index: true })
  fieldUnit: Ref<FieldUnit> | null = null;

  /** Narrower administrative scope of the person's work, if any. */
  @ManyToOne(() => AdministrativeUnit, { ref: true, nullable: true })
  scopeUnit: Ref<AdministrativeUnit> | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text' })
  searchText!: string;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
