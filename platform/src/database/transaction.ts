import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../errors';

/**
 * Runs a change in one transaction: all of it is written, or none. A unique key taken meanwhile or a
 * row changed by someone else since it was read becomes CONFLICT, not an internal error.
 */
export async function inTransaction<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(work);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('A record with the same unique key already exists');
    if (error instanceof OptimisticLockError) throw conflict('The record was changed by someone else; reload it and try again');
    throw error;
  }
}

/** Compares the version a client read with the current one; a mismatch is CONFLICT. */
export function checkVersion(entity: { version: number }, expected: number | null | undefined): void {
  if (expected !== undefined && expected !== null && expected !== entity.version) {
    throw conflict(`The record is at version ${entity.version}, not ${expected}; reload it and try again`, {
      currentVersion: entity.version,
    });
  }
}
