import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Category } from '../category/category';
import type { Incident } from '../incident/incident';
import { AlertStatus, Certainty, Sector, Severity, Urgency } from '../vocabulary';

export enum AlertState {
  NEW = 'NEW',
  VERIFIED = 'VERIFIED',
  DISMISSED = 'DISMISSED',
  MERGED = 'MERGED',
}
registerEnumType(AlertState, {
  name: 'AlertState',
  description: 'Where an alert stands (trạng thái cảnh báo): new until an operator verifies, dismisses or merges it',
  valuesConfig: {
    NEW: { description: 'Received, not yet handled by an operator (mới)' },
    VERIFIED: { description: 'Verified: an incident was opened from it (đã xác minh)' },
    DISMISSED: { description: 'Dismissed with a reason: false, out of scope or already handled (đã loại)' },
    MERGED: { description: 'Merged into an open incident it duplicates (đã gộp)' },
  },
});

/** The source system of citizen reports (phản ánh hiện trường). */
export const CITIZEN_SOURCE = 'citizen-report';

/**
 * An alert (cảnh báo) from a sector system, a camera, a sensor rule, a hotline call or a citizen.
 * `sourceSystem` + `sourceRef` identify the source event: delivering it again finds this alert.
 */
@Entity({ tableName: 'alert' })
@Unique({ properties: ['sourceSystem', 'sourceRef'] })
@Index({ properties: ['state', 'receivedAt'] })
@Index({
  name: 'alert_unit_lineage_index',
  expression: 'create index "alert_unit_lineage_index" on "incidents"."alert" using gin ("unit_lineage")',
})
@ObjectType({
  description:
    'An alert (cảnh báo): what a sector system, a camera, a sensor rule, a hotline call or a citizen reported. Leaders and operators only',
})
@Directive('@key(fields: "id")')
export class Alert {
  /** Columns with a default (or set by MikroORM): optional in `em.create`. */
  [OptionalProps]?: 'urgency' | 'certainty' | 'unitLineage' | 'evidence' | 'status' | 'state' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  @Field({ description: 'The system that raised it (e.g. traffic-camera-ai, hotline-1022, citizen-report)' })
  sourceSystem!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The event’s id in the source system' })
  sourceRef!: string;

  @Enum({ items: () => Sector })
  @Field(() => Sector, { description: 'Sector of its category' })
  sector!: Sector;

  @ManyToOne(() => Category, { ref: true })
  category!: Ref<Category>;

  @Enum({ items: () => Severity })
  @Field(() => Severity, { description: 'How bad it is (CAP severity); the category’s default unless the reporter said' })
  severity!: Severity;

  @Enum({ items: () => Urgency })
  @Field(() => Urgency, { description: 'How soon to act (CAP urgency)' })
  urgency: Urgency = Urgency.UNKNOWN;

  @Enum({ items: () => Certainty })
  @Field(() => Certainty, { description: 'How sure the source is (CAP certainty)' })
  certainty: Certainty = Certainty.UNKNOWN;

  @Property({ type: 'text' })
  @Field({ description: 'Short summary, e.g. "Cháy nhà dân tại 12 Trần Hưng Đạo"' })
  headline!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Full text as reported; empty when the reporter gave none' })
  description!: string;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The place as described: address, landmark' })
  place: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  unitId: string | null = null;

  /** Ancestors of the unit from the root, then the unit (copied from the directory when written). */
  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  /** The agency the source names as competent (a sector breach's `agencyId`): where the alert is routed; null when none. */
  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it happened, as reported (UTC)' })
  occurredAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the center received it (UTC)' })
  receivedAt!: Date;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'Links to photos, video clips, sensor readings' })
  evidence: string[] = [];

  @Enum({ items: () => AlertStatus })
  @Field(() => AlertStatus, { description: 'Real event or drill' })
  status: AlertStatus = AlertStatus.ACTUAL;

  @Enum({ items: () => AlertState })
  @Field(() => AlertState, { description: 'Where the alert stands' })
  state: AlertState = AlertState.NEW;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was dismissed; null unless DISMISSED' })
  dismissReason: string | null = null;

  @ManyToOne({ entity: () => 'Incident', ref: true, nullable: true, index: true })
  incident: Ref<Incident> | null = null;

  /** The account that reported it (a system or an operator); null for citizens. */
  @Property({ type: 'text', nullable: true })
  reportedBy: string | null = null;

  /** For citizen reports: the code the reporter follows the case with. */
  @Property({ type: 'text', nullable: true, unique: true })
  trackingCode: string | null = null;

  // The reporter's identity and contact: confidential, only operators read them.
  @Property({ type: 'text', nullable: true })
  reporterName: string | null = null;

  @Property({ type: 'text', nullable: true })
  reporterPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  reporterEmail: string | null = null;

  /** Hash of the reporting client's address (abuse limits); never shown. */
  @Property({ type: 'text', nullable: true, index: true })
  clientKey: string | null = null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}
