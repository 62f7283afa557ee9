import { hasRole, inTransaction, notFound, requireId, Role } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { recordStep } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import { assertActive } from '../operation/operation.rules';
import { lockOperation } from '../operation/operation.steps';
import { checkTransition } from '../transitions';
import { DirectiveAddressee, OperationDirective } from './directive';
import { ADDRESSEE_TRANSITIONS, AcknowledgementState } from './directive.rules';

/** The addressee the caller answers for: a field officer for their unit, anyone else for their agency. */
function callersAddressee(ctx: CommandContext, addressees: DirectiveAddressee[]): DirectiveAddressee | undefined {
  const { fieldUnitId, agencyId } = ctx.identity;
  const asUnit = hasRole(ctx.identity, Role.FIELD_OFFICER) && fieldUnitId ? addressees.find((a) => a.fieldUnitId === fieldUnitId) : undefined;
  return asUnit ?? (agencyId ? addressees.find((a) => a.agencyId === agencyId) : undefined);
}

/**
 * Records that an addressee has received a directive: who and when, once. Anyone who is not an
 * addressee is FORBIDDEN; a second acknowledgement is CONFLICT.
 */
export async function acknowledgeDirective(ctx: CommandContext, directiveId: string, note: string | null): Promise<OperationDirective> {
  return inTransaction(ctx.em, async (em) => {
    const id = requireId(directiveId, 'directiveId');
    const directive = await em.findOne(OperationDirective, { id });
    if (!directive) throw notFound('Directive', directiveId);
    const operation = await lockOperation(ctx, em, directive.operation.id, 'share');
    const addressee = callersAddressee(ctx, await em.find(DirectiveAddressee, { directive: id }, { refresh: true }));
    const from = addressee?.state ?? AcknowledgementState.PENDING;
    const to = checkTransition(ADDRESSEE_TRANSITIONS, 'acknowledgeDirective', from, (actor) => actor === 'addressee' && addressee !== undefined);
    assertActive(operation);
    const now = ctx.clock.now();
    Object.assign(addressee!, { state: to, acknowledgedAt: now, acknowledgedBy: ctx.identity.subject, note });
    await recordStep(
      ctx,
      em,
      now,
      operation,
      { action: 'acknowledgeDirective', event: 'directive.acknowledged', subjectType: LogSubject.DIRECTIVE, subjectId: directive.id, fromState: from, toState: to, note },
      { agencyIds: [addressee!.agencyId], fieldUnitIds: [addressee!.fieldUnitId] },
    );
    return directive;
  });
}
