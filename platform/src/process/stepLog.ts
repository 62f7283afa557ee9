import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../auth/identity';
import { uuidv7 } from '../database/uuidv7';
import { actorOf, rolesOf, type Actor } from './actor';

/**
 * What every record of an act carries: who (and with which roles), when, what, and the request it
 * came with. Appended in the transaction of the act and never updated. Abstract (MikroORM has no table
 * for it, and GraphQL sees it only through its subclasses): each subgraph keeps its records in its own
 * table, a subclass of this (or of StepLogEntry) with its own columns.
 */
@Entity({ abstract: true })
// Never emitted on its own (type-graphql 2 emits only types the resolvers reach): its subclasses inherit its fields.
@ObjectType({ description: 'A recorded act: who, with which roles, when, what, and the request' })
export class StepRecord {
  /** Time-ordered (UUIDv7): acts of the same instant keep the order they were taken in. */
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'The entry’s id; ids sort in the order the steps were taken' })
  id: string = uuidv7();

  @Property({ type: 'timestamptz' })
  @Field({ description: 'When the step was taken' })
  at!: Date;

  @Property({ type: 'text' })
  @Field({ description: 'The account that acted: a token subject, `scheduler` for timed steps, or `public` for a caller without a token' })
  actor!: string;

  @Property({ type: 'text[]' })
  @Field(() => [Role], { description: 'The roles the account held when it acted (none for the scheduler and the public)' })
  actorRoles: string[] = [];

  @Property({ type: 'text' })
  @Field({ description: 'What was done: the step’s name' })
  action!: string;

  /** The request the act came with (`x-request-id`): joins the entry to the service logs. */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The id of the request that took the step, as in the service logs; null for timed steps',
  })
  requestId: string | null = null;
}

/** A step of a process: a StepRecord with the state it left and the state it led to, and a note. */
@Entity({ abstract: true })
@ObjectType({ description: 'A step of a process: a recorded act with the states before and after, and a note' })
export class StepLogEntry extends StepRecord {
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The state before the step; null when the step created the subject' })
  fromState: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The state after the step (the same as fromState for a note or a mark)' })
  toState: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'A note, a reason or a summary given with the step' })
  note: string | null = null;
}

/** The facts every step log records, whatever the subgraph. */
export interface StepFacts {
  actor: string;
  actorRoles: string[];
  at: Date;
  action: string;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  requestId: string | null;
}

/** What a step says about itself; the rest of its facts come from the actor and the clock. */
export interface StepDescription {
  action: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
}

/** The facts of a step taken by `actor` at `at`. */
export function stepFacts(actor: Actor, at: Date, step: StepDescription, requestId: string | null = null): StepFacts {
  return {
    actor: actorOf(actor),
    actorRoles: rolesOf(actor),
    at,
    action: step.action,
    fromState: step.fromState ?? null,
    toState: step.toState ?? null,
    note: step.note ?? null,
    requestId,
  };
}

/**
 * A new row of a subgraph's step log: the common facts plus the subclass's own columns (subject,
 * photo, agency…). Persist it in the step's transaction.
 */
export function newLogEntry<L extends StepLogEntry>(
  entity: new () => L,
  facts: StepFacts,
  own: Partial<Omit<L, keyof StepFacts | 'id'>>,
): L {
  return Object.assign(new entity(), facts, own);
}
