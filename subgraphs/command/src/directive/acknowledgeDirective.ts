import { forbidden, hasRole, notFound, requireId, Role, takeStep } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { journaled } from '../log/journal';
import { LogSubject } from '../log/logEntry';
import type { Operation } from '../operation/operation';
import { assertActive, COMMAND_ACTORS } from '../operation/operation.rules';
import { lockOperation } from '../operation/operation.steps';
import { DirectiveAddressee, OperationDirective } from './directive';
import { ADDRESSEE_TRANSITIONS } from './directive.rules';

/** The addressee the caller answers for: a field officer for their unit, anyone else for their agency. */
function callersAddressee(ctx: CommandContext, addressees: DirectiveAddressee[]): DirectiveAddressee | undefined {
  const { fieldUnitId, agencyId } = ctx.identity;
  const asUnit =
    hasRole(ctx.identity, Role.FIELD_OFFICER) && fieldUnitId ? addressees.find((a) => a.fieldUnitId === fieldUnitId) : undefined;
  return asUnit ?? (agencyId ? addressees.find((a) => a.agencyId === agencyId) : undefined);
}

/**
 * Records that an addressee has received a directive: who and when, once. Anyone who is not an
 * addressee is FORBIDDEN; a second acknowledgement is CONFLICT.
 */
export function acknowledgeDirective(ctx: CommandContext, directiveId: string, note: string | null): Promise<OperationDirective> {
  let directive!: OperationDirective;
  let operation!: Operation;
  return takeStep(ctx.em, {
    actor: ctx.identity,
    at: ctx.clock.now(),
    requestId: ctx.requestId,
    action: 'acknowledgeDirective',
    // The subject is the caller's own addressee row: finding it is what makes the caller an addressee.
    load: async (em) => {
      const id = requireId(directiveId, 'directiveId');
      const found = await em.findOne(OperationDirective, { id });
      if (!found) throw notFound('Directive', directiveId);
      directive = found;
      operation = await lockOperation(ctx, em, directive.operation.id, 'share');
      const addressee = callersAddressee(ctx, await em.find(DirectiveAddressee, { directive: id }, { refresh: true }));
      if (!addressee) throw forbidden(`Only ${COMMAND_ACTORS.addressee} may acknowledgeDirective`);
      return addressee;
    },
    transition: { table: ADDRESSEE_TRANSITIONS, who: COMMAND_ACTORS, mayAct: (actor) => actor === 'addressee' },
    guard: () => assertActive(operation),
    note,
    apply: (addressee, _em, now) => {
      Object.assign(addressee, { acknowledgedAt: now, acknowledgedBy: ctx.identity.subject, note });
    },
    ...journaled(
      ctx,
      () => operation,
      () => ({ subjectType: LogSubject.DIRECTIVE, subjectId: directive.id }),
      'directive.acknowledged',
      (addressee: DirectiveAddressee) => ({
        agencyIds: [addressee.agencyId],
        fieldUnitIds: [addressee.fieldUnitId],
      }),
    ),
  }).then(() => directive);
}
