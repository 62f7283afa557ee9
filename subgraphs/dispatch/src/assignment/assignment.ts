import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { StepLogEntry } from '@ioc-graph/platform';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AssignmentState } from '../vocabulary';

/**
 * A field unit sent to an incident, with the time of each step: what response times are measured from.
 * A unit holds at most one active assignment: besides the row lock taken when dispatching, a partial
 * unique index makes a second concurrent dispatch of the same unit fail.
 */
@Entity({ tableName: 'assignment' })
@Index({ properties: ['incidentId'] })
@Index({ properties: ['fieldUnitId', 'dispatchedAt'] })
@Index({
  name: 'assignment_one_active_per_unit',
  expression: `create unique index "assignment_one_active_per_unit" on "dispatch"."assignment" ("field_unit_id") where "state" in ('DISPATCHED', 'ACCEPTED', 'EN_ROUTE', 'ON_SCENE')`,
})
@ObjectType({ description: 'A field unit dispatched to an incident (điều động lực lượng)' })
@Directive('@key(fields: "id")')
export class Assignment {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Unique id (UUID) of this record' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The incident’s number' })
  incidentCode!: string;

  /** Copied when dispatched: the crew sees what it is sent to even when the incident belongs to another agency. */
  @Property({ type: 'text' })
  @Field({ description: 'The incident’s title when dispatched' })
  incidentTitle!: string;

  @Property({ type: 'uuid' })
  fieldUnitId!: string;

  /** Copied from the directory when dispatched: what aggregates group by. */
  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The unit’s kind when dispatched (a FieldUnitKind of the directory)' })
  unitKind!: string;

  @Enum({ items: () => AssignmentState })
  @Field(() => AssignmentState, { description: 'Where the assignment stands' })
  state: AssignmentState = AssignmentState.DISPATCHED;

  /** When the center received the call or alert: call processing is measured from here. */
  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the center received the call or alert' })
  receivedAt!: Date;

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the unit was dispatched (UTC)' })
  dispatchedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the crew took the dispatch (UTC); null until then' })
  acceptedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the unit set off (UTC); null until then' })
  enRouteAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the unit reached the scene (UTC); null until then' })
  onSceneAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the unit finished at the scene (UTC); null until then' })
  clearedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was declined or cancelled' })
  endedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was declined or cancelled' })
  endReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The dispatcher’s instructions to the crew; null when none' })
  dispatchNote: string | null = null;

  @Property({ type: 'double', nullable: true })
  sceneLatitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  sceneLongitude: number | null = null;

  /** The incident's administrative unit and its ancestors: aggregates by unit match on it. */
  @Property({ type: 'text[]' })
  unitLineage: string[] = [];

  /** A drill: never counts in response-time statistics. */
  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'A drill: never counts in statistics' })
  exercise: boolean = false;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: 'Version of the record, raised by every change; pass it back as `expectedVersion` to guard against lost updates',
  })
  version!: number;
}

/**
 * One step of an assignment (who, when, from → to, note, photo), appended in the step's transaction.
 * The common columns are the platform's step log; `actor_roles` and `request_id` were added later
 * (migration `stepLog`), so rows from before have no roles and no request id.
 */
@Entity({ tableName: 'assignment_log' })
@Index({ properties: ['assignmentId', 'at'] })
@ObjectType({ description: 'A step of an assignment' })
export class AssignmentLogEntry extends StepLogEntry {
  @Property({ type: 'uuid' })
  assignmentId!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'A photo from the scene sent with a note (its URL)' })
  photoUrl: string | null = null;
}
