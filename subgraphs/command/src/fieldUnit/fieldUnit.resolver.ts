import { CENTER_ROLES, forbidden, hasRole, isUuid, STAFF_ROLES } from '@ioc-graph/platform';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { OperationDirective } from '../directive/directive';
import { pendingDirectivesOf } from '../directive/directive.loader';
import { FieldUnit } from '../foreign/entities';

/** What command support adds to a field unit: the directives its officers must acknowledge. */
@Resolver(() => FieldUnit)
export class FieldUnitCommandResolver {
  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => [OperationDirective], {
    nullable: true,
    description:
      'Directives of active operations it has yet to acknowledge, oldest first (the center, or the unit’s own officers); null when the command service is unavailable',
  })
  unacknowledgedDirectives(@Root() unit: FieldUnit, @Ctx() ctx: CommandContext) {
    if (!hasRole(ctx.identity, ...CENTER_ROLES) && ctx.identity.fieldUnitId !== unit.id)
      throw forbidden('Only the center and the unit’s own officers see its directives');
    return isUuid(unit.id) ? pendingDirectivesOf(ctx, 'fieldUnitId').load(unit.id.toLowerCase()) : [];
  }
}
