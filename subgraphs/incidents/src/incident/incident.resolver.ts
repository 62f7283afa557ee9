import { ConnectionArgs, ConnectionType, GeoPoint, geoPoint, paginate, Role, STAFF_ROLES } from '@ioc-graph/platform';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Alert } from '../alert/alert';
import { alertsByIncident, mayReadAlerts } from '../alert/alert.loader';
import { Category } from '../category/category';
import { categoryById } from '../category/category.loader';
import type { IncidentsContext } from '../context';
import { AdministrativeUnit, Agency, agencyRef, Person, personRef, unitRef } from '../foreign/entities';
import { Publication } from '../publication/publication';
import { publicationByIncident } from '../publication/publication.loader';
import { ReporterContact, reporterOf } from '../reporter/reporterContact';
import { timelineOf } from '../timeline/timeline.loader';
import { TimelineEntry } from '../timeline/timelineEntry';
import { Incident } from './incident';
import { IncidentFilter } from './incident.input';
import { incidentByCode, readableIncident, requireIncident } from './incident.loader';
import { incidentWhere, isOverdue } from './incident.filter';

@ObjectType({ description: 'A page of incidents' })
export class IncidentConnection extends ConnectionType(Incident) {}

/** Incidents: the center reads all, an agency its own; the public reads publications instead. */
@Resolver(() => Incident)
export class IncidentResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => Incident, {
    nullable: true,
    description: 'An incident by id. NOT_FOUND when there is none, FORBIDDEN when another agency handles it. Staff roles only',
  })
  incident(@Arg('id', () => ID, { description: 'Id of the incident' }) id: string, @Ctx() ctx: IncidentsContext) {
    return requireIncident(ctx, id);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => Incident, {
    nullable: true,
    description:
      'An incident by its number, e.g. VV-2026-000042. NOT_FOUND when there is none, FORBIDDEN when another agency handles it. Staff roles only',
  })
  async incidentByCode(
    @Arg('code', { description: 'Number of the incident, e.g. VV-2026-000042' }) code: string,
    @Ctx() ctx: IncidentsContext,
  ) {
    return readableIncident(ctx, await incidentByCode(ctx).load(code.trim()), code);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => IncidentConnection, {
    description: 'Incidents matching a filter, newest first. Staff roles: the center reads all, an agency its own only',
  })
  incidents(
    @Arg('filter', () => IncidentFilter, {
      nullable: true,
      description: 'Conditions the incidents must meet; omit for all you may read',
    })
    filter: IncidentFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: IncidentsContext,
  ) {
    return paginate(ctx.em, Incident, incidentWhere(ctx, filter), { ...page, orderBy: 'openedAt', direction: 'DESC' });
  }

  @FieldResolver(() => Category, { description: 'Category (loại vụ việc) of the incident' })
  category(@Root() incident: Incident, @Ctx() ctx: IncidentsContext) {
    return categoryById(ctx).load(incident.category.id);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where it happened; null when no point was given' })
  location(@Root() incident: Incident) {
    return geoPoint(incident.latitude, incident.longitude);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Administrative unit where it happened; null when unknown' })
  unit(@Root() incident: Incident) {
    return unitRef(incident.unitId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The agency handling it' })
  agency(@Root() incident: Incident) {
    return agencyRef(incident.agencyId);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The operator who opened it; null when the caller may not see that person (scoped like `person(id)`)',
  })
  openedBy(@Root() incident: Incident) {
    return personRef(incident.openedBy);
  }

  @FieldResolver({ description: 'Past the deadline while the agency still owes a result' })
  overdue(@Root() incident: Incident, @Ctx() ctx: IncidentsContext): boolean {
    return isOverdue(incident, ctx.clock.now());
  }

  @FieldResolver(() => [Alert], { description: 'The alerts it was opened from or merged with (the center only; empty for agencies)' })
  async alerts(@Root() incident: Incident, @Ctx() ctx: IncidentsContext) {
    return mayReadAlerts(ctx) ? alertsByIncident(ctx).load(incident.id) : [];
  }

  @Authorized(Role.OPERATOR)
  @FieldResolver(() => ReporterContact, { nullable: true, description: 'Who reported it: confidential, operators only' })
  async reporter(@Root() incident: Incident, @Ctx() ctx: IncidentsContext) {
    const alerts = await alertsByIncident(ctx).load(incident.id);
    return alerts.map(reporterOf).find(Boolean) ?? null;
  }

  @FieldResolver(() => [TimelineEntry], { description: 'Every step, oldest first' })
  timeline(@Root() incident: Incident, @Ctx() ctx: IncidentsContext) {
    return timelineOf(ctx).load(incident.id);
  }

  @FieldResolver(() => Publication, { nullable: true, name: 'publication', description: 'Its public record, once published' })
  publication(@Root() incident: Incident, @Ctx() ctx: IncidentsContext) {
    return publicationByIncident(ctx).load(incident.id);
  }
}
