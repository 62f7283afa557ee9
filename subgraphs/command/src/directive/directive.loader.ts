import { groupByKeys, isCenterOrService, loaderByForeignKey, loaderByUnique } from '@ioc-graph/platform';
import type { CommandContext } from '../context';
import { OperationState } from '../operation/operation.rules';
import { DirectiveAddressee, OperationDirective } from './directive';
import { AcknowledgementState } from './directive.rules';

/** Directives by id, batched per request. */
export const directiveById = (ctx: CommandContext) => loaderByUnique(ctx, OperationDirective, 'id');
/** Each operation's directives, oldest first, for all operations of a request in one query. */
export const directivesByOperation = (ctx: CommandContext) =>
  loaderByForeignKey(ctx, OperationDirective, 'operation', { issuedAt: 'ASC', id: 'ASC' });
/** Each directive's addressees, in the order given, for all directives of a request in one query. */
export const addresseesByDirective = (ctx: CommandContext) => loaderByForeignKey(ctx, DirectiveAddressee, 'directive', { id: 'ASC' });

/**
 * The directives of active operations that each agency (or field unit) of a request has yet to
 * acknowledge, oldest first: one query for all of them.
 */
export const pendingDirectivesOf = (ctx: CommandContext, addressee: 'agencyId' | 'fieldUnitId') =>
  ctx.loaders.get<string, OperationDirective[]>(`directives:pendingBy:${addressee}`, async (ids) => {
    const rows = await ctx.em.find(
      DirectiveAddressee,
      { [addressee]: { $in: [...ids] }, state: AcknowledgementState.PENDING, operation: { state: OperationState.ACTIVE } },
      { populate: ['directive'], orderBy: { directive: { issuedAt: 'ASC' }, id: 'ASC' } },
    );
    return groupByKeys(ids, rows, (row) => row[addressee]!).map((group) => group.map((row) => row.directive.getEntity()));
  });

/** Whether a directive is addressed to the caller's agency or field unit. */
export function isAddressedToCaller(ctx: CommandContext, addressees: DirectiveAddressee[]): boolean {
  const { agencyId, fieldUnitId } = ctx.identity;
  return addressees.some((a) => (agencyId !== null && a.agencyId === agencyId) || (fieldUnitId !== null && a.fieldUnitId === fieldUnitId));
}

/**
 * The directives the caller may read: the center reads all of an operation's; an agency or field
 * unit taking part only those addressed to it (a directive to the police is not the health
 * department's business).
 */
export async function visibleDirectives(ctx: CommandContext, directives: OperationDirective[]): Promise<OperationDirective[]> {
  if (isCenterOrService(ctx.identity)) return directives;
  const addressees = await addresseesByDirective(ctx).loadMany(directives.map((d) => d.id));
  return directives.filter((_d, i) => isAddressedToCaller(ctx, addressees[i] as DirectiveAddressee[]));
}
