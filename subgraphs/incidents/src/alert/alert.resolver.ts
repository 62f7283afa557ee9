import {
  CENTER_ROLES,
  conflict,
  ConnectionArgs,
  ConnectionType,
  GeoPoint,
  geoPoint,
  newLogEntry,
  notFound,
  paginate,
  requireId,
  Role,
  takeStep,
} from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Category } from '../category/category';
import { categoryById, requireCategory } from '../category/category.loader';
import type { IncidentsContext } from '../context';
import { AdministrativeUnit, Agency, agencyRef, Person, personRef, unitRef } from '../foreign/entities';
import { Incident } from '../incident/incident';
import { incidentById } from '../incident/incident.loader';
import { OPEN_STATES } from '../incident/incident.rules';
import { openIncident } from '../incident/openIncident';
import { ReporterContact, reporterOf } from '../reporter/reporterContact';
import { TimelineEntry, timelineEntry } from '../timeline/timelineEntry';
import { timelineOf } from '../timeline/timeline.loader';
import { emitAlertEvent } from '../events';
import { Process } from '../vocabulary';
import { Alert } from './alert';
import { ALERT_STEP_NAMES, alertTransition, type AlertAction } from './alert.rules';
import { AlertFilter, DismissAlertInput, MergeAlertInput, ReportAlertInput, VerifyAlertInput } from './alert.input';
import { alertById } from './alert.loader';
import { possibleDuplicates } from './duplicates';
import { intakeAlert } from './intake';
import { locate } from './location';

@ObjectType({ description: 'A page of alerts' })
export class AlertConnection extends ConnectionType(Alert) {}

/** Conditions of an alert filter. */
export function alertWhere(filter: AlertFilter | null | undefined): FilterQuery<Alert> {
  const where: FilterQuery<Alert>[] = [];
  if (filter?.ids) where.push({ id: { $in: filter.ids.map((id) => requireId(id, 'ids')) } });
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
  @Query(() => Alert, { nullable: true, description: 'An alert by id; null when there is none. Leaders and operators only' })
  alert(@Arg('id', () => ID, { description: 'Id of the alert' }) id: string, @Ctx() ctx: IncidentsContext) {
    return alertById(ctx).load(requireId(id, 'id'));
  }

  @Authorized(...CENTER_ROLES)
  @Query(() => AlertConnection, { description: 'Alerts matching a filter, newest first. Leaders and operators only' })
  alerts(
    @Arg('filter', () => AlertFilter, { nullable: true, description: 'Conditions the alerts must meet; omit for all' })
    filter: AlertFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: IncidentsContext,
  ) {
    return paginate(ctx.em, Alert, alertWhere(filter), { ...page, orderBy: 'receivedAt', direction: 'DESC' });
  }

  @Authorized(Role.SYSTEM, Role.OPERATOR)
  @Mutation(() => Alert, {
    description:
      'Reports an alert (sector systems, operators). Idempotent: the same sourceSystem + sourceRef returns the alert stored first',
  })
  async reportAlert(
    @Arg('input', () => ReportAlertInput, { description: 'The alert' }) input: ReportAlertInput,
    @Ctx() ctx: IncidentsContext,
  ) {
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

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Incident, { description: 'Verifies a new alert and opens an incident from it (the center)' })
  verifyAlert(
    @Arg('id', () => ID, { description: 'Id of a NEW alert' }) id: string,
    @Arg('input', () => VerifyAlertInput, { description: 'Corrections and the expected version' }) input: VerifyAlertInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    let incident!: Incident;
    return this.alertStep(ctx, id, 'verifyAlert', input.expectedVersion, async (alert, em) => {
      const category = input.categoryId
        ? await requireCategory(ctx, input.categoryId, 'categoryId')
        : await em.findOneOrFail(Category, alert.category.id);
      const location = input.unitId
        ? await locate(ctx, { unitId: input.unitId })
        : { unitId: alert.unitId, unitLineage: alert.unitLineage };
      incident = await openIncident(
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
      alert.incident = em.getReference(Incident, incident.id, { wrapped: true });
      return input.note ?? `incident ${incident.code}`;
    }).then(() => incident);
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Alert, { description: 'Dismisses a new alert with a reason (the center)' })
  dismissAlert(
    @Arg('id', () => ID, { description: 'Id of a NEW alert' }) id: string,
    @Arg('input', () => DismissAlertInput, { description: 'Reason and expected version' }) input: DismissAlertInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return this.alertStep(ctx, id, 'dismissAlert', input.expectedVersion, (alert) => {
      alert.dismissReason = input.reason.trim();
      return alert.dismissReason;
    });
  }

  @Authorized(...CENTER_ROLES)
  @Mutation(() => Alert, { description: 'Attaches a new alert to an open incident it duplicates (the center)' })
  mergeAlert(
    @Arg('id', () => ID, { description: 'Id of a NEW alert' }) id: string,
    @Arg('input', () => MergeAlertInput, { description: 'The incident and expected version' }) input: MergeAlertInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    return this.alertStep(ctx, id, 'mergeAlert', input.expectedVersion, async (alert, em, at) => {
      const incident = await em.findOne(Incident, { id: requireId(input.incidentId, 'incidentId') });
      if (!incident) throw notFound('Incident', input.incidentId);
      if (!OPEN_STATES.includes(incident.state))
        throw conflict(`Incident ${incident.code} is ${incident.state}; merge into an open incident`);
      alert.incident = em.getReference(Incident, incident.id, { wrapped: true });
      em.persist(
        timelineEntry(
          ctx.identity,
          at,
          {
            subjectType: 'Incident',
            subjectId: incident.id,
            action: 'alert merged',
            fromState: incident.state,
            toState: incident.state,
            note: alert.headline,
          },
          ctx.requestId,
        ),
      );
      return input.note ?? `into incident ${incident.code}`;
    });
  }

  /**
   * Takes a step of a NEW alert (see takeStep): checks the caller, the state and the version read,
   * applies the step, which returns the note to record, and appends the timeline entry and the event.
   */
  private alertStep(
    ctx: IncidentsContext,
    id: string,
    action: AlertAction,
    expectedVersion: number,
    apply: (alert: Alert, em: EntityManager, at: Date) => string | Promise<string>,
  ) {
    return takeStep(ctx.em, {
      actor: ctx.identity,
      at: ctx.clock.now(),
      requestId: ctx.requestId,
      action,
      load: async (em) => {
        const alert = await em.findOne(Alert, { id: requireId(id, 'id') });
        if (!alert) throw notFound('Alert', id);
        return alert;
      },
      transition: alertTransition(ctx.identity),
      expectedVersion,
      apply: async (alert, em, at) => ({ note: await apply(alert, em, at) }),
      log: (alert, step) =>
        newLogEntry(TimelineEntry, { ...step, action: ALERT_STEP_NAMES[action] }, { subjectType: 'Alert', subjectId: alert.id }),
      emit: (em, alert, { at }) => emitAlertEvent(em, ctx.identity, at, ALERT_STEP_NAMES[action], alert),
    });
  }

  @FieldResolver(() => Category, { description: 'Category (loại vụ việc) of the alert' })
  category(@Root() alert: Alert, @Ctx() ctx: IncidentsContext) {
    return categoryById(ctx).load(alert.category.id);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where it happened; null when the reporter gave no point' })
  location(@Root() alert: Alert) {
    return geoPoint(alert.latitude, alert.longitude);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Administrative unit where it happened; null when unknown' })
  unit(@Root() alert: Alert) {
    return unitRef(alert.unitId);
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description:
      'The agency the source named as competent (e.g. the agency whose dossiers are overdue): the alert is routed to it; null when none',
  })
  agency(@Root() alert: Alert) {
    return agencyRef(alert.agencyId);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The account that reported it, when a system or an operator did; null when the caller may not see that person',
  })
  reportedBy(@Root() alert: Alert) {
    return personRef(alert.reportedBy);
  }

  @FieldResolver(() => Incident, { nullable: true, description: 'The incident it was verified into or merged with' })
  incident(@Root() alert: Alert, @Ctx() ctx: IncidentsContext) {
    return alert.incident ? incidentById(ctx).load(alert.incident.id) : null;
  }

  @Authorized(Role.OPERATOR)
  @FieldResolver(() => ReporterContact, {
    nullable: true,
    description: 'Who reported it and how to reach them: confidential, operators only',
  })
  reporter(@Root() alert: Alert) {
    return reporterOf(alert);
  }

  @FieldResolver(() => [TimelineEntry], { description: 'Every step taken on the alert, oldest first' })
  timeline(@Root() alert: Alert, @Ctx() ctx: IncidentsContext) {
    return timelineOf(ctx).load(alert.id);
  }

  @Authorized(...CENTER_ROLES)
  @FieldResolver(() => [Alert], { description: 'Other alerts of the same category near in space and time: candidates to merge' })
  possibleDuplicates(@Root() alert: Alert, @Ctx() ctx: IncidentsContext) {
    return possibleDuplicates(ctx).load(alert.id);
  }
}
