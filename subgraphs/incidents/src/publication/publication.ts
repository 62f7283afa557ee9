import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Category } from '../category/category';
import { Sector } from '../vocabulary';

/**
 * The public record of a handled incident (công khai kết quả): what, where, when, the result and the
 * handling agency, with personal data removed. Written when the center approves a result; a later
 * change of the result reaches it only after a new approval.
 */
@Entity({ tableName: 'publication' })
@Index({ properties: ['publishedAt'] })
@Index({
  name: 'publication_unit_lineage_index',
  expression: 'create index "publication_unit_lineage_index" on "incidents"."publication" using gin ("unit_lineage")',
})
@ObjectType('PublicIncident', {
  description: 'A handled incident as published to everyone (công khai kết quả), with phone numbers, emails and ID numbers masked. Public',
})
export class Publication {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id of the public record (not the incident’s id)' })
  id: string = randomUUID();

  @Property({ type: 'uuid', unique: true })
  incidentId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The incident’s number' })
  code!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Title of the incident' })
  title!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What happened' })
  summary!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the agency did' })
  result!: string;

  @Enum({ items: () => Sector })
  @Field(() => Sector, { description: 'Sector of the incident' })
  sector!: Sector;

  @ManyToOne(() => Category, { ref: true })
  category!: Ref<Category>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The place as described, personal data masked; null when not given' })
  place: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  unitId: string | null = null;

  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  @Property({ type: 'uuid', nullable: true })
  agencyId: string | null = null;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When it happened (UTC)' })
  occurredAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the center received it' })
  receivedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the result was approved' })
  resolvedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the record was (last) published (UTC)' })
  publishedAt!: Date;

  /** Citizens follow their report with it; it is not shown in lists. */
  @Property({ type: 'text', nullable: true, index: true })
  trackingCode: string | null = null;

  @Property({ type: 'integer' })
  ratingCount = 0;

  @Property({ type: 'integer' })
  ratingTotal = 0;

  @Property({ type: 'text' })
  searchText!: string;
}

/** One client's satisfaction with a published result (1–5); a client rates a record once, and may change it. */
@Entity({ tableName: 'rating' })
@Unique({ properties: ['publication', 'clientKey'] })
export class Rating {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Publication, { ref: true })
  publication!: Ref<Publication>;

  @Property({ type: 'text' })
  clientKey!: string;

  @Property({ type: 'smallint' })
  score!: number;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'timestamptz' })
  at!: Date;
}
