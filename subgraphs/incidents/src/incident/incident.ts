import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Category } from '../category/category';
import { AlertStatus, Process, Sector, Severity } from '../vocabulary';
import { IncidentState } from './incident.rules';

/**
 * An incident (vụ việc): opened from verified alerts or directly, handled by one agency at a time
 * through the states of `incident.rules.ts`, with a deadline, a result and a publication.
 */
@Entity({ tableName: 'incident' })
@Index({ properties: ['state', 'openedAt'] })
@Index({ properties: ['agencyId', 'state'] })
@Index({ name: 'incident_unit_lineage_index', expression: 'create index "incident_unit_lineage_index" on "incidents"."incident" using gin ("unit_lineage")' })
@ObjectType({ description: 'An incident (vụ việc) handled by the center and an agency' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class Incident {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Human-readable number, e.g. VV-2026-000042' })
  code!: string;

  @Property({ type: 'text' })
  @Field()
  title!: string;

  @Property({ type: 'text' })
  @Field()
  description!: string;

  @Enum({ items: () => Sector })
  @Field(() => Sector)
  sector!: Sector;

  @ManyToOne(() => Category, { ref: true })
  category!: Ref<Category>;

  @Enum({ items: () => Severity })
  @Field(() => Severity)
  severity!: Severity;

  @Enum({ items: () => Process })
  @Field(() => Process)
  process!: Process;

  @Enum({ items: () => AlertStatus })
  @Field(() => AlertStatus, { description: 'EXERCISE incidents are drills and never count in statistics' })
  status: AlertStatus = AlertStatus.ACTUAL;

  @Enum({ items: () => IncidentState })
  @Field(() => IncidentState)
  state: IncidentState = IncidentState.VERIFIED;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  place: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  unitId: string | null = null;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  /** The agency handling it (Agency.id in the directory). */
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  @Property({ type: 'timestamptz' })
  @Field()
  occurredAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field()
  openedAt!: Date;

  @Property({ type: 'text' })
  openedBy!: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  assignedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the result is due, counted from assignment by the category’s SLA' })
  deadline: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  remindedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the follow-up marked it overdue' })
  overdueAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was escalated to the head of the handling agency' })
  escalatedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  result: string | null = null;

  @Property({ type: 'text[]' })
  @Field(() => [String])
  resultEvidence: string[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  resultSubmittedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  approvedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  closedAt: Date | null = null;

  /** The tracking code of the citizen report it came from, if any. */
  @Property({ type: 'text', nullable: true, index: true })
  trackingCode: string | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int)
  version!: number;
}
