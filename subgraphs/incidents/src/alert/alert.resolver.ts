import { ConnectionArgs, ConnectionType, conflict, checkVersion, geoPoint, GeoPoint, inTransaction, notFound, paginate, requireId, Role } from '@ioc-graph/platform';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Category } from '../category/category';
import { categoryById, requireCategory } from '../category/category.loader';
import { CENTER_ROLES, type IncidentsContext } from '../common';
import { AdministrativeUnit, Person, personRef, unitRef } from '../directory/directoryEntities';
import { Incident } from '../incident/incident';
import { incidentById } from '../incident/incident.loader';
import { OPEN_STATES } from '../incident/incident.rules';
import { openIncident } from '../incident/openIncident';
import { ReporterContact, reporterOf } from '../reporter/reporterContact';
import { TimelineEntry, timelineEntry } from '../timeline/timelineEntry';
import { timelineOf } from '../timeline/timeline.loader';
import { emitAlertEvent } from '../events';
import { Process } from '../vocabulary';
import { Alert, AlertState } from './alert';
import { AlertFilter, DismissAlertInput, MergeAlertInput, ReportAlertInput, VerifyAlertInput } from './alert.input';
import { alertById } from './alert.loader';
import { possibleDuplicates } from './duplicates';
import { intakeAlert } from './intake';
import { locate } from './location';

@ObjectType()
export class AlertConnection extends ConnectionType(Alert) {}

/** Conditions of an alert filter. */
export function alertWhere(filter: AlertFilter | null | undefined): FilterQuery<Alert> {
  const where: FilterQuery<Alert>[] = [];
  if (filter?.states?.length) where.push({ state: { $in: filter.states } });
  if (filter?.sectors?.length) where.push({ sector: { $in: filter.sectors } });
  if (filter?.categoryIds?.length) where.push({ category: { $in: filter.categoryIds } });
  if (filter?.severities?.length) where.push({ severity: { $in: filter.severities } });
  if (filter?.withinUnitId) where.push({ unitLineage: { $contains: [requireId(filter.withinUnitId, 'withinUnitId')] } });
  if (filter?.sourceSystem) where.push({ sourceSystem: filter.sourceSystem });
  if (filter?.receivedFrom) where.push({ receivedAt: { $gte: filter.receivedFrom } });
  if (filter?.receivedTo) where.push({ receivedAt: { $lt: filter.receivedTo } });
  if (filter?.status) where.push({ status: filter.status });
  return where.length ? { $and: where } : {};
}

/** Alerts are the center's: systems and operators report them, leaders and operators read them. */
@Resolver(() => Alert)
export class AlertResolver {
  @Authorized(...CENTER_ROLES)
  @Query(() => Alert, { nullable: true })
  alert(@Arg('id', () => ID) id: string, @Ctx() ctx: IncidentsContext) {
    return alertById(ctx).load(requireId(id, 'id'));
  }

  @Authorized(...CENTER_ROLES)
  @Query(() => AlertConnection, { description: 'Alerts matching a filter, newest first' })
  alerts(@Arg('filter', () => AlertFilter, { nullable: true }) filter: AlertFilter | null, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: IncidentsContext) {
    return paginate(ctx.em, Alert, alertWhere(filter), { ...page, orderBy: 'receivedAt', direction: 'DESC' });
  }

  @Authorized(Role.SYSTEM, Role.OPERATOR)
  @Mutation(() => Alert, {
    description: 'Reports an alert (sector systems, operators). Idempotent: the same sourceSystem + sourceRef returns the alert stored first',
  })
  async reportAlert(@Arg('input', () => ReportAlertInput) input: ReportAlertInput, @Ctx() ctx: IncidentsContext) {
    const category = await requireCategory(ctx, input.categoryId, 'categoryId');
    const location = await locate(ctx, input);
    return intakeAlert(ctx, {
      sourceSystem: input.sourceSystem,
      sourceRef: input.sourceRef.trim(),
      sector: category.sector,
      category: ctx.em.getReference(Category, category.id, { wrapped: true }),
      severity: input.severity ?? category.defaultSeverity,
      urgency: input.urgency,
      certainty: input.certainty,
      headline: input.headline.trim(),
      description: input.description?.trim() ?? '',
      place: input.place?.trim() ?? null,
      ...location,
      occurredAt: input.occurredAt,
      receivedAt: ctx.clock.now(),
      evidence: input.evidence ?? [],
      status: input.status,
      reportedBy: ctx.identity.subject,
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Incident, { description: 'Verifies a new alert and opens an incident from it (operators)' })
  verifyAlert(@Arg('id', () => ID) id: string, @Arg('input', () => VerifyAlertInput) input: VerifyAlertInput, @Ctx() ctx: IncidentsContext) {
    return inTransaction(ctx.em, async (em) => {
      const alert = await this.newAlert(em, id, input.expectedVersion);
      const category = input.categoryId ? await requireCategory(ctx, input.categoryId, 'categoryId') : await em.findOneOrFail(Category, alert.category.id);
      const location = input.unitId ? await locate(ctx, { unitId: input.unitId }) : { unitId: alert.unitId, unitLineage: alert.unitLineage };
      const incident = await openIncident(
        ctx,
        em,
        {
          category,
          title: input.title?.trim() ?? alert.headline,
          description: alert.description || alert.headline,
          severity: input.severity ?? alert.severity,
          process: (input.process as Process | undefined) ?? category.defaultProcess,
          status: alert.status,
          latitude: alert.latitude,
          longitude: alert.longitude,
          place: alert.place,
          ...location,
          occurredAt: alert.occurredAt,
          trackingCode: alert.trackingCode,
        },
        input.note ?? null,
      );
      this.step(ctx, em, alert, AlertState.VERIFIED, 'verified', input.note ?? `incident ${incident.code}`);
      alert.incident = em.getReference(Incident, incident.id, { wrapped: true });
      await emitAlertEvent(em, ctx.identity, ctx.clock.now(), 'verified', alert);
      return incident;
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Alert, { description: 'Dismisses a new alert with a reason (operators)' })
  dismissAlert(@Arg('id', () => ID) id: string, @Arg('input', () => DismissAlertInput) input: DismissAlertInput, @Ctx() ctx: IncidentsContext) {
    return inTransaction(ctx.em, async (em) => {
      const alert = await this.newAlert(em, id, input.expectedVersion);
      alert.dismissReason = input.reason.trim();
      this.step(ctx, em, alert, AlertState.DISMISSED, 'dismissed', alert.dismissReason);
      await emitAlertEvent(em, ctx.identity, ctx.clock.now(), 'dismissed', alert);
      return alert;
    });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Alert, { description: 'Attaches a new alert to an open incident it duplicates (operators)' })
  mergeAlert(@Arg('id', () => ID) id: string, @Arg('input', () => MergeAlertInput) input: MergeAlertInput, @Ctx() ctx: IncidentsContext) {
    return inTransaction(ctx.em, async (em) => {
      const alert = await this.newAlert(em, id, input.expectedVersion);
      const incident = await em.findOne(Incident, { id: requireId(input.incidentId, 'incidentId') });
      if (!incident) throw notFound('Incident', input.incidentId);
      if (!OPEN_STATES.includes(incident.state)) throw conflict(`Incident ${incident.code} is ${incident.state}; merge into an open incident`);
      alert.incident = em.getReference(Incident, incident.id, { wrapped: true });
      this.step(ctx, em, alert, AlertState.MERGED, 'merged', input.note ?? `into incident ${incident.code}`);
      em.persist(
        timelineEntry(ctx.identity, ctx.clock.now(), { subjectType: 'Incident', subjectId: incident.id, action: 'alert merged', fromState: incident.state, toState: incident.state, note: alert.headline }, ctx.requestId),
      );
      await emitAlertEvent(em, ctx.identity, ctx.clock.now(), 'merged', alert);
      return alert;
    });
  }

  private async newAlert(em: EntityManager, id: string, expectedVersion: number): Promise<Alert> {
    const alert = await em.findOne(Alert, { id: requireId(id, 'id') });
    if (!alert) throw notFound('Alert', id);
    checkVersion(alert, expectedVersion);
    if (alert.state !== AlertState.NEW) throw conflict(`The alert is already ${alert.state}`, { state: alert.state });
    return alert;
  }

  private step(ctx: IncidentsContext, em: EntityManager, alert: Alert, to: AlertState, action: string, note: string | null) {
    em.persist(timelineEntry(ctx.identity, ctx.clock.now(), { subjectType: 'Alert', subjectId: alert.id, action, fromState: alert.state, toState: to, note }, ctx.requestId));
    alert.state = to;
  }

  @FieldResolver(() => Category)
  category(@Root() alert: Alert, @Ctx() ctx: IncidentsContext) {
    return categoryById(ctx).load(alert.category.id);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  location(@Root() alert: Alert) {
    return geoPoint(alert.latitude, alert.longitude);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  unit(@Root() alert: Alert) {
    return unitRef(alert.unitId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The account that reported it, when a system or an operator did' })
  reportedBy(@Root() alert: Alert) {
    return personRef(alert.reportedBy);
  }

  @FieldResolver(() => Incident, { nullable: true, description: 'The incident it was verified into or merged with' })
  incident(@Root() alert: Alert, @Ctx() ctx: IncidentsContext) {
    return alert.incident ? incidentById(ctx).load(alert.incident.id) : null;
  }

  @Authorized(Role.OPERATOR)
  @FieldResolver(() => ReporterContact, { nullable: true, description: 'Who reported it and how to reach them: confidential, operators only' })
  reporter(@Root() alert: Alert) {
    return reporterOf(alert);
  }

  @FieldResolver(() => [TimelineEntry])
  timeline(@Root() alert: Alert, @Ctx() ctx: IncidentsContext) {
    return timelineOf(ctx).load(alert.id);
  }

  @Authorized(...CENTER_ROLES)
  @FieldResolver(() => [Alert], { description: 'Other alerts of the same category near in space and time: candidates to merge' })
  possibleDuplicates(@Root() alert: Alert, @Ctx() ctx: IncidentsContext) {
    return possibleDuplicates(ctx).load(alert.id);
  }
}
