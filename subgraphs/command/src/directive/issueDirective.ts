import { badInput, inTransaction } from '@ioc-graph/platform';
import { distinctIds, type CommandContext } from '../context';
import { requireAgencies, requireFieldUnits } from '../foreign/directoryLookup';
import { recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { assertActive } from '../operation/operation.rules';
import { lockOperation } from '../operation/operation.steps';
import { DirectiveAddressee, OperationDirective } from './directive';
import type { IssueDirectiveInput } from './directive.input';

/**
 * Issues a directive of the leader to agencies and field units of the directory, each of which then
 * owes an acknowledgement. The addressees are checked with the directory before the transaction.
 */
export async function issueDirective(ctx: CommandContext, operationId: string, input: IssueDirectiveInput): Promise<OperationDirective> {
  const agencyIds = distinctIds(input.agencyIds);
  const fieldUnitIds = distinctIds(input.fieldUnitIds);
  if (!agencyIds.length && !fieldUnitIds.length) {
    throw badInput('A directive needs an addressee', [{ field: 'agencyIds', message: 'name at least one agency or field unit' }]);
  }
  if (input.deadline && input.deadline <= ctx.clock.now())
    throw badInput('The deadline has passed', [{ field: 'deadline', message: 'must be in the future' }]);
  await requireAgencies(ctx, agencyIds, 'agencyIds');
  await requireFieldUnits(ctx, fieldUnitIds, 'fieldUnitIds');

  return inTransaction(ctx.em, async (em) => {
    const operation = await lockOperation(ctx, em, operationId, 'share');
    assertActive(operation);
    const now = ctx.clock.now();
    const directive = em.create(OperationDirective, {
      operation,
      text: input.text.trim(),
      deadline: input.deadline ?? null,
      issuedAt: now,
      issuedBy: ctx.identity.subject!,
    });
    em.persist(directive);
    for (const agencyId of agencyIds) em.persist(em.create(DirectiveAddressee, { directive, operation, agencyId }));
    for (const fieldUnitId of fieldUnitIds) em.persist(em.create(DirectiveAddressee, { directive, operation, fieldUnitId }));
    await recordStep(
      ctx,
      em,
      now,
      operation,
      {
        action: 'issueDirective',
        event: 'directive.issued',
        subjectType: LogSubject.DIRECTIVE,
        subjectId: directive.id,
        note: directive.text,
      },
      { agencyIds, fieldUnitIds },
    );
    return directive;
  });
}
