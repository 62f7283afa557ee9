import { forbidden, localYear, notFound, requireId } from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommandContext } from '../context';
import type { Playbook } from '../playbook/playbook';
import type { TaskTemplate } from '../playbook/playbook.types';
import { OperationTask } from '../task/task';
import { Operation } from './operation';
import { mayReadOperation } from './operation.loader';

/**
 * Loads an operation inside the caller's transaction, locked, and checks that the caller takes part.
 * Steps that add to an operation take a shared lock, so many run side by side; phase changes and
 * stand-down take an exclusive one, so that nothing is added to an operation while it is stood down.
 */
export async function lockOperation(
  ctx: CommandContext,
  em: EntityManager,
  id: string,
  lock: 'share' | 'exclusive',
  field = 'operationId',
): Promise<Operation> {
  const lockMode = lock === 'exclusive' ? LockMode.PESSIMISTIC_WRITE : LockMode.PESSIMISTIC_READ;
  // refresh: the request may have read the row before the lock was granted.
  const operation = await em.findOne(Operation, { id: requireId(id, field) }, { lockMode, refresh: true });
  if (!operation) throw notFound('Operation', id);
  if (!(await mayReadOperation(ctx, operation))) throw forbidden('Your agency takes no part in this operation');
  return operation;
}

/** The operation's number: CH-<local year>-<sequence>, never reused. */
export async function nextOperationCode(em: EntityManager, now: Date): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('command.operation_code_seq') as n`);
  return `CH-${localYear(now)}-${String(row.n).padStart(4, '0')}`;
}

/** The task templates of one phase of a playbook, in playbook order. */
export const templatesOf = (playbook: Playbook, phaseCode: string): TaskTemplate[] =>
  playbook.taskTemplates.filter((t) => t.phase === phaseCode);

/**
 * Creates the tasks of a phase that has just begun, each for the agency found for its template (see
 * agenciesForTemplates), due `dueWithinMinutes` after `now`, listed in playbook order.
 */
export function createPhaseTasks(
  em: EntityManager,
  operation: Operation,
  playbook: Playbook,
  phaseCode: string,
  agencies: Map<string, string | null>,
  now: Date,
): OperationTask[] {
  return playbook.taskTemplates.flatMap((template, position) => {
    if (template.phase !== phaseCode) return [];
    const task = em.create(OperationTask, {
      operation,
      position,
      templateCode: template.code,
      phase: template.phase,
      titleVi: template.titleVi,
      titleEn: template.titleEn,
      agencyKind: template.agencyKind,
      agencyId: agencies.get(template.code) ?? null,
      createdAt: now,
      dueAt: template.dueWithinMinutes ? new Date(now.getTime() + template.dueWithinMinutes * 60_000) : null,
    });
    em.persist(task);
    return [task];
  });
}
