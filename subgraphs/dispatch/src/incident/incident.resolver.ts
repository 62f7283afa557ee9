import { forbidden, hasRole, requireId, Role } from '@ioc-graph/platform';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Assignment } from '../assignment/assignment';
import { assignmentsByIncident, mayReadAssignment } from '../assignment/assignment.loader';
import type { DispatchContext } from '../context';
import { Incident } from '../foreign/entities';
import { ResponseTimes, incidentResponseTimes } from '../responseTimes/responseTimes';

/** Incidents' dispatches and response times, for the center and the agencies sending units. */
@Resolver(() => Incident)
export class IncidentDispatchResolver {
  @Authorized(Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER)
  @FieldResolver(() => [Assignment], {
    nullable: true,
    description: 'Units dispatched to it (those the caller may see); null when the dispatch service is unavailable',
  })
  async assignments(@Root() incident: Incident, @Ctx() ctx: DispatchContext) {
    const all = await assignmentsByIncident(ctx).load(requireId(incident.id, 'id'));
    return all.filter((a) => mayReadAssignment(ctx.identity, a));
  }

  @Authorized(Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF)
  @FieldResolver(() => ResponseTimes, { nullable: true, description: 'From the first unit on scene; null before any dispatch' })
  async responseTimes(@Root() incident: Incident, @Ctx() ctx: DispatchContext) {
    if (!hasRole(ctx.identity, Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF)) throw forbidden();
    return incidentResponseTimes(await assignmentsByIncident(ctx).load(requireId(incident.id, 'id')));
  }
}
