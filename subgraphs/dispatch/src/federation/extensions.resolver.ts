import { forbidden, hasRole, requireId, Role } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Assignment } from '../assignment/assignment';
import { assignmentById, assignmentsByIncident, mayReadAssignment, TRACK_LENGTH, trackOf, unitStateById } from '../assignment/assignment.loader';
import type { DispatchContext } from '../context';
import { ResponseTimes, incidentResponseTimes } from '../responseTimes/responseTimes';
import { PositionReport, UnitState } from '../unit/unitState';
import { UnitStatus } from '../vocabulary';
import { FieldUnit, Incident } from './entities';

const STAFF = [Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER, Role.SYSTEM];

/** The live side of the directory's field units: status, position, track, active assignment. */
@Resolver(() => FieldUnit)
export class FieldUnitLiveResolver {
  @Authorized(...STAFF)
  @FieldResolver(() => UnitStatus, { description: 'AVAILABLE until the unit is first dispatched or reports' })
  async status(@Root() unit: FieldUnit, @Ctx() ctx: DispatchContext) {
    return (await unitStateById(ctx).load(requireId(unit.id, 'id')))?.status ?? UnitStatus.AVAILABLE;
  }

  @Authorized(...STAFF)
  @FieldResolver(() => PositionReport, { nullable: true, description: 'The latest reported position' })
  async position(@Root() unit: FieldUnit, @Ctx() ctx: DispatchContext) {
    const state = await unitStateById(ctx).load(requireId(unit.id, 'id'));
    return state?.positionAt ? { fieldUnitId: unit.id, latitude: state.latitude, longitude: state.longitude, at: state.positionAt, speedKmh: null, heading: null } : null;
  }

  @Authorized(...STAFF)
  @FieldResolver(() => [PositionReport], { description: `The last positions, newest first (up to ${TRACK_LENGTH})` })
  async track(@Root() unit: FieldUnit, @Arg('last', () => Int, { defaultValue: TRACK_LENGTH }) last: number, @Ctx() ctx: DispatchContext) {
    return (await trackOf(ctx).load(requireId(unit.id, 'id'))).slice(0, Math.max(0, last));
  }

  @Authorized(...STAFF)
  @FieldResolver(() => Assignment, { nullable: true })
  async activeAssignment(@Root() unit: FieldUnit, @Ctx() ctx: DispatchContext) {
    const state: UnitState | null = await unitStateById(ctx).load(requireId(unit.id, 'id'));
    if (!state?.activeAssignmentId) return null;
    const assignment = await assignmentById(ctx).load(state.activeAssignmentId);
    return assignment && mayReadAssignment(ctx.identity, assignment) ? assignment : null;
  }
}

/** Incidents' dispatches and response times, for the center and the agencies sending units. */
@Resolver(() => Incident)
export class IncidentDispatchResolver {
  @Authorized(Role.LEADER, Role.OPERATOR, Role.AGENCY_STAFF, Role.FIELD_OFFICER)
  @FieldResolver(() => [Assignment], { description: 'Units dispatched to it (those the caller may see)' })
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
