import type { EntityManager } from '@mikro-orm/postgresql';
import { checkVersion, inTransaction } from '../database/transaction';
import type { Actor } from './actor';
import { stepFacts, type StepFacts, type StepRecord } from './stepLog';
import { checkTransition, type TransitionTable } from './transitions';

/** The state machine a step is checked against; the subject's `state` is read and, on success, set. */
export interface StepTransition<T, A extends string, S extends string, K extends string> {
  table: TransitionTable<A, S, K>;
  /** Whether the caller may act as `actor` on this subject (e.g. is of the agency it is assigned to). */
  mayAct: (actor: K, subject: T) => boolean;
  /** How the subgraph names each kind of actor in FORBIDDEN messages. */
  who: Record<K, string>;
}

/** What the log and the event may say differently from the transition itself (e.g. a phase instead of a state). */
export type StepOverrides = Partial<Pick<StepFacts, 'fromState' | 'toState' | 'note'>>;

/** A step as the event and follow-on hooks see it: its facts, and the transition's own states (null without one). */
export type TakenStep<S extends string> = StepFacts & { from: S | null; to: S | null };

/** One step of a process, as `takeStep` takes it. Hooks run in this order: load, (transition), guard, (version), apply, log, emit, after. */
export interface StepSpec<T extends object, A extends string = string, S extends string = string, K extends string = string> {
  /** Who takes the step. */
  actor: Actor;
  /** When, from the caller's clock. */
  at: Date;
  /** The request the step came with; recorded in the log. @default null */
  requestId?: string | null;
  /** The step's name: the action of the transition table, or a verb (`updated`, `note`) for a step without one. */
  action: A;
  /**
   * Loads the subject inside the transaction, taking the row lock it needs. Throws NOT_FOUND (or
   * FORBIDDEN) when the caller may not see it.
   */
  load: (em: EntityManager) => Promise<T>;
  /** The transition table to check; omitted for edits that change no state (directory records, notes). */
  transition?: StepTransition<T, A, S, K>;
  /** Checks after the transition and before the version (e.g. the operation is still active); throws to refuse. */
  guard?: (subject: T, em: EntityManager) => void | Promise<void>;
  /**
   * The version the caller read; a different current version is CONFLICT. `undefined` or `null`:
   * not checked (steps that do not depend on what the caller read, such as notes).
   */
  expectedVersion?: number | null;
  /** The note recorded with the step. @default null */
  note?: string | null;
  /** Applies the change (the new state is already set); may return what the log should say instead. */
  apply?: (subject: T, em: EntityManager, at: Date) => void | StepOverrides | Promise<void | StepOverrides>;
  /** Builds the step's log row from the step's facts; `null` writes none (an edit that changed nothing). */
  log: (subject: T, step: StepFacts) => StepRecord | null;
  /** Writes the step's outbox event(s) with the subgraph's own emitter, in the same transaction. */
  emit?: (em: EntityManager, subject: T, step: TakenStep<S>) => Promise<unknown>;
  /** Follow-on work after the step is logged and announced (cascaded steps, timers), still in the transaction. */
  after?: (subject: T, em: EntityManager, step: TakenStep<S>) => Promise<void> | void;
}

/**
 * Takes one step in one transaction: loads the subject, checks who may take it and from which state
 * (FORBIDDEN, CONFLICT), checks the version the caller read (stale: CONFLICT), applies the change,
 * and writes the step's log row and outbox event. Everything is committed together or not at all:
 * a refused step writes nothing. A row changed meanwhile by someone else (optimistic lock) or a
 * unique key taken meanwhile is CONFLICT too. Resolves to the subject.
 */
export function takeStep<T extends object, A extends string, S extends string, K extends string>(
  em: EntityManager,
  spec: StepSpec<T, A, S, K>,
): Promise<T> {
  return inTransaction(em, async (tx) => {
    const subject = await spec.load(tx);
    const stateful = subject as T & { state: S };
    const from = spec.transition ? stateful.state : null;
    let to: S | null = null;
    if (spec.transition) {
      const { table, mayAct, who } = spec.transition;
      to = checkTransition(table, spec.action, stateful.state, (actor) => mayAct(actor, subject), who);
    }
    await spec.guard?.(subject, tx);
    checkVersion(subject as { version: number }, spec.expectedVersion);
    if (to !== null) stateful.state = to;
    const overrides = (await spec.apply?.(subject, tx, spec.at)) ?? {};
    const step = stepFacts(
      spec.actor,
      spec.at,
      { action: spec.action, fromState: from, toState: to, note: spec.note ?? null, ...overrides },
      spec.requestId ?? null,
    );
    const entry = spec.log(subject, step);
    if (entry) tx.persist(entry);
    const taken = { ...step, from, to };
    await spec.emit?.(tx, subject, taken);
    await spec.after?.(subject, tx, taken);
    return subject;
  });
}
