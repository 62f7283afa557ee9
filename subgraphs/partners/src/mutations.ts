import { auditEntry, diffSnapshots, notFound, requireId, takeStep, type StepFacts } from '@ioc-graph/platform';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PartnersContext } from './context';

/** A plain snapshot of the given fields (relations as ids, times as ISO strings), for the audit trail. */
function snapshot<T extends object>(entity: T, fields: (keyof T & string)[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = entity[field] as unknown;
      if (value instanceof Date) return [field, value.toISOString()];
      return [field, value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value];
    }),
  );
}

/** An audit entry of a step on a partner or a key, when something changed. */
function audited(ctx: PartnersContext, entityType: string, entityId: string, step: StepFacts, changes: Record<string, [unknown, unknown]>) {
  if (!Object.keys(changes).length) return null;
  return auditEntry(ctx.identity, ctx.requestId, { entityType, entityId, action: step.action, changes }, step.at);
}

/** Writes the step's outbox event, in its transaction: gateways hear of every change of a partner or a key. */
type Announce<T> = (em: EntityManager, entity: T, at: Date) => Promise<unknown>;

/**
 * Creates a record, its audit entry and its event in one transaction (see takeStep). `build` validates
 * what the input refers to and returns the new entity.
 */
export function createAudited<T extends { id: string }>(
  ctx: PartnersContext,
  entityType: string,
  fields: (keyof T & string)[],
  build: (em: EntityManager, at: Date) => Promise<T>,
  announce: Announce<T>,
): Promise<T> {
  const at = ctx.clock.now();
  return takeStep(ctx.em, {
    actor: ctx.identity,
    at,
    requestId: ctx.requestId,
    action: 'created',
    load: async (em) => {
      const entity = await build(em, at);
      em.persist(entity);
      return entity;
    },
    log: (entity, step) => audited(ctx, entityType, entity.id, step, diffSnapshots({}, snapshot(entity, fields))),
    emit: (em, entity, step) => announce(em, entity, step.at),
  });
}

/** One change of an existing record, as `changeAudited` takes it. */
export interface AuditedChange<T> {
  entityClass: EntityClass<T>;
  id: string;
  /** The version the client read; a different current version is CONFLICT. */
  expectedVersion: number;
  /** The step's name in the audit trail: `updated`, `revoked`. */
  action: string;
  /** The fields the audit entry compares before and after. */
  fields: (keyof T & string)[];
  /** Refuses the change (CONFLICT) when the record's state does not allow it; runs before the version check. */
  guard?: (entity: T) => void;
  apply: (entity: T, em: EntityManager, at: Date) => void | Promise<void>;
  /** Runs only when something changed. */
  announce: Announce<T>;
}

/**
 * Changes a record in one transaction (see takeStep): loads it (NOT_FOUND), checks its state and the
 * version the client read (CONFLICT), applies the change, and appends an audit entry and an event when
 * anything changed. A refused change writes nothing.
 */
export function changeAudited<T extends { id: string; version: number }>(ctx: PartnersContext, change: AuditedChange<T>): Promise<T> {
  let before: Record<string, unknown> = {};
  const changed = (entity: T) => diffSnapshots(before, snapshot(entity, change.fields));
  return takeStep(ctx.em, {
    actor: ctx.identity,
    at: ctx.clock.now(),
    requestId: ctx.requestId,
    action: change.action,
    load: async (em) => {
      const entity = await em.findOne(change.entityClass, { id: requireId(change.id, 'id') } as FilterQuery<T>);
      if (!entity) throw notFound(change.entityClass.name, change.id);
      before = snapshot(entity, change.fields);
      return entity;
    },
    guard: (entity) => change.guard?.(entity),
    expectedVersion: change.expectedVersion,
    apply: (entity, em, at) => change.apply(entity, em, at),
    log: (entity, step) => audited(ctx, change.entityClass.name, entity.id, step, changed(entity)),
    emit: async (em, entity, step) => {
      if (Object.keys(changed(entity)).length) await change.announce(em, entity, step.at);
    },
  });
}
