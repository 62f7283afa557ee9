import {
  auditEntry,
  checkVersion,
  diffSnapshots,
  inTransaction,
  notFound,
  requireId,
} from '@ioc-graph/platform';
import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import { snapshot, type DirectoryContext } from './common';

/**
 * Creates a record and its audit entry in one transaction. `build` validates references and returns
 * the new entity; a duplicate unique key becomes CONFLICT.
 */
export function createAudited<T extends { id: string }>(
  ctx: DirectoryContext,
  entityType: string,
  audited: (keyof T & string)[],
  build: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx.em, async (em) => {
    const entity = await build(em);
    em.persist(entity);
    const changes = diffSnapshots({}, snapshot(entity, audited));
    em.persist(auditEntry(ctx.identity, ctx.requestId, { entityType, entityId: entity.id, action: 'created', changes }));
    return entity;
  });
}

/**
 * Changes a record in one transaction: checks the version the client read, applies the change,
 * and appends an audit entry with the fields that changed (none when nothing did).
 */
export function updateAudited<T extends { id: string; version: number }>(
  ctx: DirectoryContext,
  entityClass: EntityClass<T>,
  id: string,
  expectedVersion: number | null | undefined,
  audited: (keyof T & string)[],
  apply: (entity: T, em: EntityManager) => Promise<void>,
): Promise<T> {
  return inTransaction(ctx.em, async (em) => {
    const entity = await em.findOne(entityClass, { id: requireId(id, 'id') } as FilterQuery<T>);
    if (!entity) throw notFound(entityClass.name, id);
    checkVersion(entity, expectedVersion);
    const before = snapshot(entity, audited);
    await apply(entity, em);
    const changes = diffSnapshots(before, snapshot(entity, audited));
    if (Object.keys(changes).length) {
      em.persist(auditEntry(ctx.identity, ctx.requestId, { entityType: entityClass.name, entityId: entity.id, action: 'updated', changes }));
    }
    return entity;
  });
}

/** Copies the given (defined) fields of an update input onto an entity. */
export function assignDefined<T extends object, I extends object>(entity: T, input: I, fields: (keyof I & keyof T & string)[]): void {
  for (const field of fields) {
    const value = input[field];
    if (value !== undefined) (entity as Record<string, unknown>)[field] = value;
  }
}
