import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Process, Sector, Severity } from '../vocabulary';

/** A kind of problem a sector handles (lĩnh vực/loại phản ánh): its default process, severity and deadline. */
@Entity({ tableName: 'category' })
@ObjectType({
  description: 'A category (loại vụ việc) of alerts and incidents within a sector, with its default handling and deadline. Public',
})
export class Category {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Stable code of the category, e.g. "SEC_PUBLIC_DISORDER"' })
  code!: string;

  @Enum({ items: () => Sector })
  @Field(() => Sector, { description: 'Sector the category belongs to' })
  sector!: Sector;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese (tên tiếng Việt), as written officially, e.g. "Xây dựng không phép, sai phép"' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English, for English-language screens' })
  nameEn!: string;

  @Enum({ items: () => Process })
  @Field(() => Process, { description: 'Process an incident of this category follows unless the operator chooses another' })
  defaultProcess!: Process;

  @Enum({ items: () => Severity })
  @Field(() => Severity, { description: 'Severity given to an alert whose reporter states none' })
  defaultSeverity!: Severity;

  /** The deadline for handling, from assignment. */
  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Minutes allowed from assignment to result: working time or calendar time (see slaInWorkingTime)' })
  slaMinutes!: number;

  @Property({ type: 'boolean' })
  @Field({ description: 'The SLA counts office hours of working days only (weekends and public holidays excluded)' })
  slaInWorkingTime!: boolean;

  @Property({ type: 'boolean' })
  @Field({ description: 'Citizens may choose it when they report a problem' })
  citizenReportable!: boolean;

  @Property({ type: 'text' })
  @Field({ description: 'The kind of agency usually competent (an AgencyKind of the directory)' })
  competentAgencyKind!: string;
}
