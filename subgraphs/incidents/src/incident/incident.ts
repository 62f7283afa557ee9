import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
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
@Index({
  name: 'incident_unit_lineage_index',
  expression: 'create index "incident_unit_lineage_index" on "incidents"."incident" using gin ("unit_lineage")',
})
@ObjectType({
  description:
    'An incident (vụ việc) handled by the center and an agency. Leaders and operators read every incident; agency staff and field officers only their agency’s',
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class Incident {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'status' | 'state' | 'unitLineage' | 'resultEvidence' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  @Field({ description: 'Human-readable number (số vụ việc), e.g. VV-2026-000042; unique' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Short title, e.g. "Xây dựng không phép tại 45 Lê Duẩn"' })
  title!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What happened, in full' })
  description!: string;

  @Enum({ items: () => Sector })
  @Field(() => Sector, { description: 'Sector of its category' })
  sector!: Sector;

  @ManyToOne(() => Category, { ref: true })
  category!: Ref<Category>;

  @Enum({ items: () => Severity })
  @Field(() => Severity, { description: 'How bad it is (CAP severity)' })
  severity!: Severity;

  @Enum({ items: () => Process })
  @Field(() => Process, { description: 'How it is handled: time-bound, immediate or command support' })
  process!: Process;

  @Enum({ items: () => AlertStatus })
  @Field(() => AlertStatus, { description: 'EXERCISE incidents are drills and never count in statistics' })
  status: AlertStatus = AlertStatus.ACTUAL;

  @Enum({ items: () => IncidentState })
  @Field(() => IncidentState, { description: 'Where the incident stands in its process' })
  state: IncidentState = IncidentState.VERIFIED;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The place as described (address, landmark); null when not given' })
  place: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  unitId: string | null = null;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  /** The agency handling it (Agency.id in the directory). */
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it happened (UTC)' })
  occurredAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the center opened it (UTC)' })
  openedAt!: Date;

  @Property({ type: 'text' })
  openedBy!: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was last assigned to an agency (UTC); null until assigned' })
  assignedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the result is due, counted from assignment by the category’s SLA' })
  deadline: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the agency was reminded, at 75 % of the SLA (UTC); null until then' })
  remindedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the follow-up marked it overdue' })
  overdueAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was escalated to the head of the handling agency' })
  escalatedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the agency reports it did; null until a result is submitted' })
  result: string | null = null;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'Links to photos and documents of the result; empty when none' })
  resultEvidence: string[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the result was last submitted (UTC); null until then' })
  resultSubmittedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When an operator approved the result (UTC); null until then' })
  approvedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was closed (UTC); null while open' })
  closedAt: Date | null = null;

  /** The tracking code of the citizen report it came from, if any. */
  @Property({ type: 'text', nullable: true, index: true })
  trackingCode: string | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
