import { Entity, Index, Property } from '@mikro-orm/core';
import type { Identity } from '../auth';
import { actorOf, rolesOf } from '../process/actor';
import { StepRecord } from '../process/stepLog';

/**
 * One change of a record, appended and never updated: who, when, what, and the fields that changed.
 * The audit trail's row is a StepRecord (who, roles, when, action, request) of a record that has no
 * state machine. Every subgraph keeps its own `audit_entry` table in its own schema (listed in its
 * entities and created by its migrations).
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityType', 'entityId', 'at'] })
export class AuditEntry extends StepRecord {
  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  /** Changed fields with their values before and after: `{ field: [from, to] }`. */
  @Property({ type: 'jsonb' })
  changes: Record<string, [unknown, unknown]> = {};
}

/** Field-by-field difference of two plain snapshots, as stored in `AuditEntry.changes`. */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key] ?? null, after[key] ?? null];
  }
  return changes;
}

/**
 * Builds an audit entry for the caller (`action`: `created`, `updated`, or a domain verb); persist it
 * in the same transaction as the change. `at` defaults to now.
 */
export function auditEntry(
  identity: Identity,
  requestId: string | null,
  entry: { entityType: string; entityId: string; action: string; changes: Record<string, [unknown, unknown]> },
  at: Date = new Date(),
): AuditEntry {
  return Object.assign(new AuditEntry(), entry, { at, actor: actorOf(identity), actorRoles: rolesOf(identity), requestId });
}
