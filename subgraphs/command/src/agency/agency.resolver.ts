import { CENTER_ROLES, forbidden, hasRole, isUuid, STAFF_ROLES } from '@ioc-graph/platform';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CommandContext } from '../context';
import { OperationDirective } from '../directive/directive';
import { pendingDirectivesOf } from '../directive/directive.loader';
import { OperationTask } from '../task/task';
import { openTasksByAgency } from '../task/task.loader';
import { Agency } from '../foreign/entities';

/** What command support adds to an agency: its work in active operations. The center or the agency itself. */
@Resolver(() => Agency)
export class AgencyCommandResolver {
  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => [OperationTask], {
    nullable: true,
    description:
      'Its open tasks in active operations, earliest deadline first (the center, or the agency’s own staff); null when the command service is unavailable',
  })
  openTasks(@Root() agency: Agency, @Ctx() ctx: CommandContext) {
    assertOwnAgency(ctx, agency.id);
    return isUuid(agency.id) ? openTasksByAgency(ctx).load(agency.id.toLowerCase()) : [];
  }

  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => [OperationDirective], {
    nullable: true,
    description:
      'Directives of active operations it has yet to acknowledge, oldest first (the center, or the agency’s own staff); null when the command service is unavailable',
  })
  unacknowledgedDirectives(@Root() agency: Agency, @Ctx() ctx: CommandContext) {
    assertOwnAgency(ctx, agency.id);
    return isUuid(agency.id) ? pendingDirectivesOf(ctx, 'agencyId').load(agency.id.toLowerCase()) : [];
  }
}

function assertOwnAgency(ctx: CommandContext, agencyId: string): void {
  if (!hasRole(ctx.identity, ...CENTER_ROLES) && ctx.identity.agencyId !== agencyId) {
    throw forbidden('Only the center and the agency’s own staff see its operation work');
  }
}
