import { auditEntry, badInput, inTransaction, notFound, type FieldProblem, type Identity } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SecurityRule } from './rule';
import { RULE_CHANGE_RANGES, type SecurityRuleChange } from './rule.input';

/**
 * Changes a hotspot rule's usual level or window, in one transaction with its audit entry (the fields'
 * old and new values, who, the request): BAD_USER_INPUT naming each field out of range, NOT_FOUND for an
 * unknown code; nothing is written by a refused change. The next ingest judges with the new values.
 */
export function changeSecurityRule(
  em: EntityManager,
  code: string,
  change: SecurityRuleChange,
  who: { identity: Identity; requestId: string | null; at: Date },
): Promise<SecurityRule> {
  const problems: FieldProblem[] = [];
  const fields = (Object.keys(RULE_CHANGE_RANGES) as (keyof SecurityRuleChange)[]).filter(
    (f) => change[f] !== undefined && change[f] !== null,
  );
  for (const field of fields) {
    const [min, max, integer] = RULE_CHANGE_RANGES[field];
    const value = change[field]!;
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
      problems.push({ field: `change.${field}`, message: `must be ${integer ? 'a whole number ' : ''}from ${min} to ${max}` });
  }
  if (problems.length)
    throw badInput(`The rule change has ${problems.length} invalid field(s): ${problems[0]!.field} ${problems[0]!.message}`, problems);
  return inTransaction(em, async (tx) => {
    const rule = await tx.findOne(SecurityRule, { code });
    if (!rule) throw notFound('SecurityRule', code);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of fields) {
      if (rule[field] === change[field]) continue;
      changes[field] = [rule[field], change[field]];
      rule[field] = change[field]!;
    }
    if (Object.keys(changes).length)
      tx.persist(
        auditEntry(who.identity, who.requestId, { entityType: 'SecurityRule', entityId: rule.id, action: 'changed', changes }, who.at),
      );
    return rule;
  });
}
