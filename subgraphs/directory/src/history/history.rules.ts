import type { AuditEntry } from '@ioc-graph/platform';
import type { DirectoryContext } from '../context';
import { personById } from '../person/person.loader';
import { canSeeContact } from '../person/person.rules';

/** What a hidden value (before and after) reads as in `changes`: the field is still named, so the entry says what changed. */
export const HIDDEN_VALUE = '[hidden]';

/**
 * The fields of a record whose values the caller may not read, by record type: the same rules as the
 * entity's own fields, so the history is no way around them. Person: phone and email for operators
 * and the person only (`canSeeContact`). Types not listed hide nothing from who may read the history.
 */
const HIDDEN_FIELDS: Record<string, (ctx: DirectoryContext, entityId: string) => Promise<readonly string[]>> = {
  Person: async (ctx, entityId) => {
    const person = await personById(ctx).load(entityId);
    return canSeeContact(ctx.identity, { subject: person?.subject ?? null }) ? [] : ['phone', 'email'];
  },
};

/** The entries with the values the caller may not read replaced by `HIDDEN_VALUE`; every entry stays listed. */
export async function maskChanges(ctx: DirectoryContext, entries: AuditEntry[]): Promise<AuditEntry[]> {
  const hiddenOf = new Map<string, Promise<readonly string[]>>();
  return Promise.all(
    entries.map(async (entry) => {
      const rule = HIDDEN_FIELDS[entry.entityType];
      if (!rule) return entry;
      const key = `${entry.entityType}:${entry.entityId}`;
      if (!hiddenOf.has(key)) hiddenOf.set(key, rule(ctx, entry.entityId));
      const hidden = await hiddenOf.get(key)!;
      if (!hidden.some((field) => field in entry.changes)) return entry;
      const changes = Object.fromEntries(
        Object.entries(entry.changes).map(([field, values]) => [field, hidden.includes(field) ? [HIDDEN_VALUE, HIDDEN_VALUE] : values]),
      );
      // A copy: the entry is a managed entity of this request's fork, never to be flushed changed.
      return { ...entry, changes } as AuditEntry;
    }),
  );
}
