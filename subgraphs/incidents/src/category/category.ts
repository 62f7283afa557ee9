import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Process, Sector, Severity } from '../vocabulary';

/** A kind of problem a sector handles (lĩnh vực/loại phản ánh): its default process, severity and deadline. */
@Entity({ tableName: 'category' })
@ObjectType({ description: 'A category of alerts and incidents, with its default handling and deadline' })
export class Category {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field()
  code!: string;

  @Enum({ items: () => Sector })
  @Field(() => Sector)
  sector!: Sector;

  @Property({ type: 'text' })
  @Field()
  nameVi!: string;

  @Property({ type: 'text' })
  @Field()
  nameEn!: string;

  @Enum({ items: () => Process })
  @Field(() => Process)
  defaultProcess!: Process;

  @Enum({ items: () => Severity })
  @Field(() => Severity)
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
