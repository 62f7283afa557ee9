import { auditEntry, diffSnapshots, notFound, requireId, takeStep, type AuditEntry, type StepFacts } from '@ioc-graph/platform';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { snapshot, type DirectoryContext } from './context';
import { emitDirectoryEvent } from './events';

/** An audit entry of a step on a directory record, when something changed. */
function audited(
  ctx: DirectoryContext,
  entityType: string,
  entityId: string,
  step: StepFacts,
  changes: Record<string, [unknown, unknown]>,
): AuditEntry | null {
  if (!Object.keys(changes).length) return null;
  return auditEntry(ctx.identity, ctx.requestId, { entityType, entityId, action: step.action, changes }, step.at);
}

/**
 * Creates a record and its audit entry in one transaction (see takeStep). `build` validates references
 * and returns the new entity; a duplicate unique key becomes CONFLICT.
 */
export function createAudited<T extends { id: string }>(
  ctx: DirectoryContext,
  entityType: string,
  fields: (keyof T & string)[],
  build: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return takeStep(ctx.em, {
    actor: ctx.identity,
    at: new Date(),
    requestId: ctx.requestId,
    action: 'created',
    load: async (em) => {
      const entity = await build(em);
      em.persist(entity);
      return entity;
    },
    log: (entity, step) => audited(ctx, entityType, entity.id, step, diffSnapshots({}, snapshot(entity, fields))),
  });
}

/**
 * Changes a record in one transaction (see takeStep): checks the version the client read, applies the
 * change, and appends an audit entry with the fields that changed (none when nothing did) and, for
 * a unit or an agency that changed, its event (see emitDirectoryEvent).
 */
export function updateAudited<T extends { id: string; version: number; code?: string }>(
  ctx: DirectoryContext,
  entityClass: EntityClass<T>,
  id: string,
  expectedVersion: number | null | undefined,
  fields: (keyof T & string)[],
  apply: (entity: T, em: EntityManager) => Promise<void>,
): Promise<T> {
  let before: Record<string, unknown> = {};
  return takeStep(ctx.em, {
    actor: ctx.identity,
    at: new Date(),
    requestId: ctx.requestId,
    action: 'updated',
    load: async (em) => {
      const entity = await em.findOne(entityClass, { id: requireId(id, 'id') } as FilterQuery<T>);
      if (!entity) throw notFound(entityClass.name, id);
      before = snapshot(entity, fields);
      return entity;
    },
    expectedVersion,
    apply: (entity, em) => apply(entity, em),
    log: (entity, step) => audited(ctx, entityClass.name, entity.id, step, diffSnapshots(before, snapshot(entity, fields))),
    // Other subgraphs cache what they copy of units and agencies: tell them, unless nothing changed.
    emit: async (em, entity, step) => {
      if (Object.keys(diffSnapshots(before, snapshot(entity, fields))).length)
        await emitDirectoryEvent(em, ctx.identity, step.at, entityClass.name, { id: entity.id, code: entity.code ?? entity.id });
    },
  });
}

/** Copies the given (defined) fields of an update input onto an entity. */
export function assignDefined<T extends object, I extends object>(entity: T, input: I, fields: (keyof I & keyof T & string)[]): void {
  for (const field of fields) {
    const value = input[field];
    if (value !== undefined) (entity as Record<string, unknown>)[field] = value;
  }
}
