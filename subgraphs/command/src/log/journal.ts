import { emitEvent, newLogEntry, stepFacts, type OperationEventType, type StepFacts } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { distinctIds, type CommandContext } from '../context';
import type { Operation } from '../operation/operation';
import { OperationLogEntry, type LogSubject } from './logEntry';

/** A step of an operation, as the running log and the outbox record it. */
export interface Step {
  /** The log's verb: the mutation's name, e.g. `acknowledgeTask`. */
  action: string;
  /** The outbox event's type, e.g. `task.acknowledged` (its payload: `OperationEventPayload`). */
  event: OperationEventType;
  subjectType: LogSubject;
  subjectId: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
}

/** Who is told of a step besides the center: agencies and field units. */
export interface Audience {
  agencyIds: (string | null)[];
  fieldUnitIds?: (string | null)[];
}

/**
 * Appends the step to the operation's running log and writes its outbox event, both inside the
 * caller's transaction: a step is logged and announced exactly when it is committed.
 */
export async function recordStep(
  ctx: CommandContext,
  em: EntityManager,
  at: Date,
  operation: Operation,
  step: Step,
  audience: Audience,
): Promise<void> {
  const { event, subjectType, subjectId, ...described } = step;
  em.persist(operationLogEntry(ctx, operation, stepFacts(ctx.identity, at, described, ctx.requestId), { subjectType, subjectId }));
  await announceStep(ctx, em, at, operation, step, audience);
}

/** The operation's running-log row for a step of the caller (see takeStep's `log`). */
export function operationLogEntry(
  ctx: CommandContext,
  operation: Operation,
  facts: StepFacts,
  subject: Pick<Step, 'subjectType' | 'subjectId'>,
): OperationLogEntry {
  return newLogEntry(OperationLogEntry, facts, { ...subject, operationId: operation.id, actorAgencyId: ctx.identity.agencyId });
}

/** Writes the step's outbox event to the center and `audience` inside the caller's transaction (see takeStep's `emit`). */
export async function announceStep(
  ctx: CommandContext,
  em: EntityManager,
  at: Date,
  operation: Operation,
  step: Step,
  audience: Audience,
): Promise<void> {
  await emitEvent(em, ctx.identity, at, {
    type: step.event,
    entityType: 'Operation',
    entityKey: operation.id,
    payload: {
      code: operation.code,
      incidentId: operation.incidentId,
      exercise: operation.exercise,
      state: operation.state,
      phase: operation.phaseCode,
      action: step.action,
      subjectType: step.subjectType,
      subjectId: step.subjectId,
      fromState: step.fromState ?? null,
      toState: step.toState ?? null,
    },
    audience: {
      agencyIds: distinctIds(audience.agencyIds.filter((id): id is string => id !== null)),
      fieldUnitIds: distinctIds((audience.fieldUnitIds ?? []).filter((id): id is string => id !== null)),
    },
  });
}

/**
 * The `log` and `emit` of a takeStep on `subject` of an operation: its running-log row, and its event
 * to the center and `audience` (computed when the step is written, so that what it added counts).
 * `operation` is read when the step is written: the step's `load` sets it.
 */
export function journaled<T>(
  ctx: CommandContext,
  operation: () => Operation,
  subject: (subject: T) => Pick<Step, 'subjectType' | 'subjectId'>,
  event: OperationEventType,
  audience: (subject: T, em: EntityManager) => Audience | Promise<Audience>,
) {
  return {
    log: (item: T, step: StepFacts) => operationLogEntry(ctx, operation(), step, subject(item)),
    emit: async (em: EntityManager, item: T, step: StepFacts) => {
      const { action, fromState, toState, note } = step;
      await announceStep(
        ctx,
        em,
        step.at,
        operation(),
        { action, event, ...subject(item), fromState, toState, note },
        await audience(item, em),
      );
    },
  };
}

/**
 * Everyone taking part in an operation: the agencies with a task in it and the agencies and field
 * units its directives address. Flushes first, so that what the current transaction added counts.
 */
export async function participantsOf(em: EntityManager, operationId: string): Promise<Required<Audience>> {
  await em.flush();
  const rows = await em.execute<{ agency_id: string | null; field_unit_id: string | null }[]>(
    `select agency_id, null as field_unit_id from "command"."operation_task" where operation_id = ? and agency_id is not null
     union select agency_id, field_unit_id from "command"."directive_addressee" where operation_id = ?`,
    [operationId, operationId],
  );
  return { agencyIds: rows.map((row) => row.agency_id), fieldUnitIds: rows.map((row) => row.field_unit_id) };
}
