import { requireId, STAFF_AND_SYSTEMS } from '@ioc-graph/platform';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Assignment } from '../assignment/assignment';
import { assignmentById, mayReadAssignment, TRACK_LENGTH, trackOf, unitStateById } from '../assignment/assignment.loader';
import type { DispatchContext } from '../context';
import { FieldUnit } from '../foreign/entities';
import { PositionReport, UnitState } from '../unit/unitState';
import { UnitStatus } from '../vocabulary';

/** The live side of the directory's field units: status, position, track, active assignment. */
@Resolver(() => FieldUnit)
export class FieldUnitLiveResolver {
  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => UnitStatus, {
    nullable: true,
    description: 'AVAILABLE until the unit is first dispatched or reports; null when the dispatch service is unavailable',
  })
  async status(@Root() unit: FieldUnit, @Ctx() ctx: DispatchContext) {
    return (await unitStateById(ctx).load(requireId(unit.id, 'id')))?.status ?? UnitStatus.AVAILABLE;
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => PositionReport, { nullable: true, description: 'The latest reported position' })
  async position(@Root() unit: FieldUnit, @Ctx() ctx: DispatchContext) {
    const state = await unitStateById(ctx).load(requireId(unit.id, 'id'));
    return state?.positionAt
      ? { fieldUnitId: unit.id, latitude: state.latitude, longitude: state.longitude, at: state.positionAt, speedKmh: null, heading: null }
      : null;
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => [PositionReport], {
    nullable: true,
    description: `The last positions, newest first (up to ${TRACK_LENGTH}); null when the dispatch service is unavailable`,
  })
  async track(
    @Root() unit: FieldUnit,
    @Arg('last', () => Int, { defaultValue: TRACK_LENGTH, description: 'How many positions, newest first' }) last: number,
    @Ctx() ctx: DispatchContext,
  ) {
    return (await trackOf(ctx).load(requireId(unit.id, 'id'))).slice(0, Math.max(0, last));
  }

  @Authorized(...STAFF_AND_SYSTEMS)
  @FieldResolver(() => Assignment, {
    nullable: true,
    description: 'The assignment holding the unit now; null when it is free or the caller may not read it',
  })
  async activeAssignment(@Root() unit: FieldUnit, @Ctx() ctx: DispatchContext) {
    const state: UnitState | null = await unitStateById(ctx).load(requireId(unit.id, 'id'));
    if (!state?.activeAssignmentId) return null;
    const assignment = await assignmentById(ctx).load(state.activeAssignmentId);
    return assignment && mayReadAssignment(ctx.identity, assignment) ? assignment : null;
  }
}
