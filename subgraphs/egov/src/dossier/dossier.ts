import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DossierChannel, DossierStatus } from '../vocabulary';

/**
 * A dossier (hồ sơ thủ tục hành chính) as the one-stop-shop system last sent it: no applicant's data,
 * only what the statistics need. `(source, sourceId)` is unique; `updatedAt` is the source's time of
 * its latest change and works as its version: a dossier sent again with a newer `updatedAt` (received →
 * finished) replaces the stored one, with an older or equal one it is a duplicate and nothing is written.
 * Staff only.
 */
@Entity({ tableName: 'dossier' })
@Unique({ properties: ['source', 'sourceId'] })
@Index({ properties: ['agencyId', 'receivedAt'] })
@Index({
  name: 'dossier_pending_due_index',
  expression: `create index "dossier_pending_due_index" on "egov"."dossier" ("agency_id", "due_at") where "status" = 'RECEIVED'`,
})
@ObjectType({ description: 'A dossier of an administrative procedure (hồ sơ TTHC), without the applicant’s data. Staff only' })
export class Dossier {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  @Field(() => ID, { description: 'Unique id of the dossier here' })
  id!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The sending system' })
  source!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The dossier’s id in the sending system (mã hồ sơ)' })
  sourceId!: string;

  @Property({ type: 'uuid' })
  procedureId!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Enum({ items: () => DossierChannel })
  @Field(() => DossierChannel, { description: 'Filed online or at the desk' })
  channel!: DossierChannel;

  @Enum({ items: () => DossierStatus })
  @Field(() => DossierStatus, { description: 'Where it stands' })
  status!: DossierStatus;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it was received (UTC)' })
  receivedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When its result is due (hạn trả kết quả, UTC)' })
  dueAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was finished or returned; null while RECEIVED' })
  finishedAt: Date | null = null;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Working days from receipt to result (FINISHED only), by the working calendar' })
  processingDays: number | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'The source’s time of its latest change: its version' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz' })
  receivedHereAt!: Date;
}

/**
 * Dossier counts per agency and hour (UTC start), maintained on ingest by the difference each stored
 * dossier makes: received counts at its receipt's hour, finished and returned at its result's hour.
 */
@Entity({ tableName: 'hourly_dossier' })
@Index({ properties: ['hour'] })
export class HourlyDossier {
  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @PrimaryKey({ type: 'timestamptz' })
  hour!: Date;

  @Property({ type: 'integer' })
  received!: number;

  @Property({ type: 'integer' })
  receivedOnline!: number;

  @Property({ type: 'integer' })
  finished!: number;

  @Property({ type: 'integer' })
  finishedOnTime!: number;

  @Property({ type: 'integer' })
  returned!: number;

  @Property({ type: 'double' })
  processingDays!: number;
}

/** Dossier counts of one bucket. */
@ObjectType({ description: 'Dossiers received and finished in one time bucket (thống kê hồ sơ)' })
export class DossierStat {
  @Field({ description: 'The bucket’s start (the hour, or midnight, Monday or the 1st in Asia/Ho_Chi_Minh)' })
  bucketStart!: Date;

  @Field(() => Int, { description: 'Dossiers received' })
  received!: number;

  @Field(() => Int, { description: 'Dossiers received online' })
  receivedOnline!: number;

  @Field(() => Int, { description: 'Dossiers finished' })
  finished!: number;

  @Field(() => Int, { description: 'Dossiers finished by their due time' })
  finishedOnTime!: number;

  @Field(() => Int, { description: 'Dossiers returned unhandled' })
  returned!: number;
}
