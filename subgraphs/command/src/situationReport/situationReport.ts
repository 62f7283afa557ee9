import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Operation } from '../operation/operation';

/**
 * A situation report (báo cáo tình hình) filed during an operation by the center or an agency with a
 * task in it. Figures are cumulative as of the report; a figure left out was not assessed.
 */
@Entity({ tableName: 'situation_report' })
@ObjectType({ description: 'A situation report (báo cáo tình hình): what is happening, with the figures known so far' })
export class SituationReport {
  /** Time-ordered: reports of one instant keep the order they were filed in. */
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record; ids sort in the order reports were filed' })
  id: string = uuidv7();

  @ManyToOne(() => Operation, { ref: true, index: true })
  operation!: Ref<Operation>;

  @Property({ type: 'text' })
  @Field({ description: 'What is happening, in the filer’s words' })
  summary!: string;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'People dead (người chết)' })
  deaths: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'People injured (người bị thương)' })
  injured: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'People missing (người mất tích)' })
  missing: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'People evacuated (người được sơ tán)' })
  evacuated: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Houses collapsed or damaged (nhà bị sập, hư hỏng)' })
  housesDamaged: number | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was filed (UTC)' })
  filedAt!: Date;

  @Property({ type: 'text' })
  @Field({ description: 'The account that filed it' })
  filedBy!: string;

  /** The filer's agency (Agency.id in the directory). */
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;
}
