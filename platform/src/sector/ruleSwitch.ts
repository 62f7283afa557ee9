import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditEntry } from '../audit';
import type { Identity } from '../auth';
import { inTransaction } from '../database/transaction';
import { notFound } from '../errors';
import type { SectorRule } from './sectorRule';

/**
 * Switches a sector's rule on or off by code, in one transaction: NOT_FOUND naming `typeName` when no
 * rule has the code; a real switch goes to the audit trail (activated / deactivated, with who) because
 * it changes the center's configuration. An inactive rule opens no breach; its open breaches end at
 * the sector's next evaluation. Answers the rule.
 */
export function switchRule<R extends SectorRule>(
  em: EntityManager,
  rules: EntityClass<R>,
  typeName: string,
  change: { code: string; active: boolean; identity: Identity; requestId: string | null },
): Promise<R> {
  return inTransaction(em, async (tx) => {
    const rule = await tx.findOne(rules, { code: change.code } as FilterQuery<R>);
    if (!rule) throw notFound(typeName, change.code);
    if (rule.active !== change.active) {
      tx.persist(
        auditEntry(change.identity, change.requestId, {
          entityType: typeName,
          entityId: rule.id,
          action: change.active ? 'activated' : 'deactivated',
          changes: { active: [rule.active, change.active] },
        }),
      );
    }
    rule.active = change.active;
    return rule;
  });
}
