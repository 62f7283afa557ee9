import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Identity } from '../auth';

/**
 * One change of state, appended and never updated: who, when, what, from → to. Every subgraph keeps
 * its own `audit_entry` table in its own schema (listed in its entities and created by its migrations).
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityType', 'entityId', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  /** The subject of the caller's token. */
  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text[]' })
  actorRoles: string[] = [];

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  /** `created`, `updated`, or a domain verb. */
  @Property({ type: 'text' })
  action!: string;

  /** Changed fields with their values before and after: `{ field: [from, to] }`. */
  @Property({ type: 'jsonb' })
  changes: Record<string, [unknown, unknown]> = {};

  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}

/** Field-by-field difference of two plain snapshots, as stored in `AuditEntry.changes`. */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key] ?? null, after[key] ?? null];
  }
  return changes;
}

/** Builds an audit entry for the caller; persist it in the same transaction as the change. */
export function auditEntry(
  identity: Identity,
  requestId: string | null,
  entry: { entityType: string; entityId: string; action: string; changes: Record<string, [unknown, unknown]> },
): AuditEntry {
  return Object.assign(new AuditEntry(), entry, { actor: identity.subject ?? 'public', actorRoles: identity.roles, requestId });
}
