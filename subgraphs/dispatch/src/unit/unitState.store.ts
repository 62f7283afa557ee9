import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UnitState } from './unitState';

/**
 * The unit's live state, created when first needed and locked for the rest of the transaction: two
 * dispatchers of one unit are served one after the other, and the second sees the first's assignment.
 */
export async function lockUnitState(em: EntityManager, fieldUnitId: string, now: Date): Promise<UnitState> {
  await em.execute(
    `insert into dispatch.unit_state (field_unit_id, status, updated_at, version) values (?, 'AVAILABLE', ?, 1) on conflict do nothing`,
    [fieldUnitId, now],
  );
  return em.findOneOrFail(UnitState, { fieldUnitId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
