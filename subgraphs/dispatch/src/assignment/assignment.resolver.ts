import {
  ConnectionArgs,
  ConnectionType,
  forbidden,
  geoPoint,
  GeoPoint,
  notFound,
  paginate,
  requireId,
  Role,
  STAFF_ROLES,
} from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DispatchContext } from '../context';
import { Agency, FieldUnit, Incident, ref } from '../foreign/entities';
import { ResponseTimes, responseTimesOf } from '../responseTimes/responseTimes';
import { ACTIVE_ASSIGNMENT_STATES } from '../vocabulary';
import { Assignment, AssignmentLogEntry } from './assignment';
import { AssignmentFilter } from './assignment.input';
import { assignmentById, assignmentScope, logOf, mayReadAssignment } from './assignment.loader';

@ObjectType({ description: 'A page of assignments' })
export class AssignmentConnection extends ConnectionType(Assignment) {}

/** Assignments: the center reads all, an agency its units', a crew its own. */
@Resolver(() => Assignment)
export class AssignmentResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => Assignment, {
    nullable: true,
    description: 'An assignment by id. NOT_FOUND when there is none, FORBIDDEN when it belongs to another agency or unit. Staff roles only',
  })
  async assignment(@Arg('id', () => ID, { description: 'Id of the assignment' }) id: string, @Ctx() ctx: DispatchContext) {
    const assignment = await assignmentById(ctx).load(requireId(id, 'id'));
    if (!assignment) throw notFound('Assignment', id);
    if (!mayReadAssignment(ctx.identity, assignment)) throw forbidden('This assignment belongs to another agency or unit');
    return assignment;
  }

  @Authorized(Role.FIELD_OFFICER)
  @Query(() => Assignment, {
    nullable: true,
    description:
      'The active assignment of the caller’s own unit (the field app’s home screen); null when the unit is free. Field officers only',
  })
  myAssignment(@Ctx() ctx: DispatchContext) {
    if (!ctx.identity.fieldUnitId) throw forbidden('The token names no field unit');
    return ctx.em.findOne(Assignment, { fieldUnitId: ctx.identity.fieldUnitId, state: { $in: ACTIVE_ASSIGNMENT_STATES } });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => AssignmentConnection, {
    description: 'Assignments, newest first. Staff roles: the center reads all, an agency its units’, a crew its own',
  })
  assignments(
    @Arg('filter', () => AssignmentFilter, {
      nullable: true,
      description: 'Conditions the assignments must meet; omit for all you may read',
    })
    filter: AssignmentFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: DispatchContext,
  ) {
    const where: FilterQuery<Assignment>[] = [assignmentScope(ctx.identity)];
    if (filter?.ids) where.push({ id: { $in: filter.ids.map((id) => requireId(id, 'ids')) } });
    if (filter?.incidentId) where.push({ incidentId: requireId(filter.incidentId, 'incidentId') });
    if (filter?.fieldUnitId) where.push({ fieldUnitId: requireId(filter.fieldUnitId, 'fieldUnitId') });
    if (filter?.agencyId) where.push({ agencyId: requireId(filter.agencyId, 'agencyId') });
    if (filter?.states?.length) where.push({ state: { $in: filter.states } });
    return paginate(ctx.em, Assignment, { $and: where }, { ...page, orderBy: 'dispatchedAt', direction: 'DESC' });
  }

  @FieldResolver(() => FieldUnit, { nullable: true, description: 'The unit sent; null when the directory service is unavailable' })
  fieldUnit(@Root() a: Assignment) {
    return ref<FieldUnit>(a.fieldUnitId);
  }

  @FieldResolver(() => Incident, {
    nullable: true,
    description: 'The incident, for those who may read it (the crew of another agency reads incidentTitle and scene)',
  })
  incident(@Root() a: Assignment) {
    return ref<Incident>(a.incidentId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The unit’s agency; null when the directory service is unavailable' })
  agency(@Root() a: Assignment) {
    return ref<Agency>(a.agencyId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where to go: the incident’s location when dispatched' })
  scene(@Root() a: Assignment) {
    return geoPoint(a.sceneLatitude, a.sceneLongitude);
  }

  @FieldResolver(() => ResponseTimes, { description: 'Its response times so far' })
  responseTimes(@Root() a: Assignment) {
    return responseTimesOf(a);
  }

  @FieldResolver(() => [AssignmentLogEntry], { description: 'Every step, note and photo, oldest first' })
  log(@Root() a: Assignment, @Ctx() ctx: DispatchContext) {
    return logOf(ctx).load(a.id);
  }
}
