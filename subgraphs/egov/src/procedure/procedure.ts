import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from '@ioc-graph/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ProcedureLevel } from '../vocabulary';

/**
 * An agency of the one-stop-shop system (cơ quan giải quyết thủ tục hành chính): the directory's agency
 * (same id), with its code in the one-stop-shop system and the lineage of the unit it serves, copied when
 * it is written so that per-unit statistics need no query across subgraphs.
 */
@Entity({ tableName: 'service_agency' })
@Index({
  name: 'service_agency_unit_lineage_index',
  expression: 'create index "service_agency_unit_lineage_index" on "egov"."service_agency" using gin ("unit_lineage")',
})
export class ServiceAgency {
  /** The directory's agency id. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  @Unique()
  code!: string;

  @Property({ type: 'text' })
  nameVi!: string;

  /** The administrative unit it serves (its jurisdiction). */
  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];
}

/** An administrative procedure (thủ tục hành chính) of the province's one-stop-shop system. Public. */
@Entity({ tableName: 'procedure' })
@ObjectType({ description: 'An administrative procedure (thủ tục hành chính) of the one-stop-shop system. Public' })
@Directive('@key(fields: "id")')
export class Procedure {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = uuidv7();

  @Property({ type: 'text' })
  @Unique()
  @Field({ description: 'Its code in the national database of procedures, e.g. 1.001023' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese (tên thủ tục), as published' })
  nameVi!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English' })
  nameEn!: string;

  @Enum({ items: () => ProcedureLevel })
  @Field(() => ProcedureLevel, { description: 'Fully or partly online' })
  level!: ProcedureLevel;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Its statutory processing time in working days (thời hạn giải quyết)' })
  processingDays!: number;

  /** The agency that handles it at provincial level; district-level procedures are handled by each district's committee. */
  @Property({ type: 'uuid' })
  agencyId!: string;
}
