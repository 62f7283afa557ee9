import {
  badInput,
  CacheHint,
  ConnectionArgs,
  forbidden,
  geoPoint,
  inTransaction,
  isPartnerOnly,
  paginate,
  rateLimited,
} from '@ioc-graph/platform';
import type { FilterQuery } from '@mikro-orm/core';
import { randomInt } from 'node:crypto';
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Alert, AlertState, CITIZEN_SOURCE } from '../alert/alert';
import { locate } from '../alert/location';
import { Category } from '../category/category';
import { requireCategory } from '../category/category.loader';
import type { IncidentsContext } from '../context';
import { Incident } from '../incident/incident';
import { IncidentState } from '../incident/incident.rules';
import { Publication } from '../publication/publication';
import { redactPersonalData } from '../publication/redact';
import { emitAlertEvent } from '../events';
import { agencyRef } from '../foreign/entities';
import { timelineEntry } from '../timeline/timelineEntry';
import { Certainty, Urgency } from '../vocabulary';
import { CitizenReport, CitizenReportConnection, CitizenReportStatus } from './citizenReport';
import { CitizenReportInput, PublishedCitizenReportFilter } from './citizenReport.input';

// No 0/O or 1/I: codes are read aloud on the phone and typed from paper.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newTrackingCode = () => `PA-${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

function publicStatus(alert: Alert, incident: Incident | null, publication: Publication | null): CitizenReportStatus {
  if (alert.state === AlertState.DISMISSED) return CitizenReportStatus.DISMISSED;
  if (publication) return CitizenReportStatus.RESOLVED;
  if (!incident) return CitizenReportStatus.RECEIVED;
  return incident.state === IncidentState.CLOSED ? CitizenReportStatus.CLOSED : CitizenReportStatus.IN_PROGRESS;
}

/** Citizens report problems without logging in, and follow them by tracking code. */
@Resolver()
export class CitizenReportResolver {
  @Mutation(() => CitizenReport, {
    description:
      'Reports a problem (phản ánh hiện trường); returns the tracking code to follow it. No login needed; a partner’s token is refused (FORBIDDEN)',
  })
  async submitCitizenReport(
    @Arg('input', () => CitizenReportInput, { description: 'The report; limited per client and hour (RATE_LIMITED beyond)' })
    input: CitizenReportInput,
    @Ctx() ctx: IncidentsContext,
  ) {
    if (isPartnerOnly(ctx.identity)) throw forbidden('A partner’s token reads open data; citizens report a problem without one');
    const category = await requireCategory(ctx, input.categoryId, 'categoryId');
    if (!category.citizenReportable)
      throw badInput('Citizens cannot report this category', [{ field: 'categoryId', message: 'not open to citizen reports' }]);
    if (!input.place && !input.location && !input.unitId) {
      throw badInput('Say where: a place, a point or a unit', [
        { field: 'place', message: 'one of place, location or unitId is required' },
      ]);
    }
    const location = await locate(ctx, input);
    const now = ctx.clock.now();
    const client = ctx.identity.client ?? 'unknown';
    const alert = await inTransaction(ctx.em, async (em) => {
      // One client's reports are counted and written one at a time, so a burst cannot slip past the limit.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`citizen-report:${client}`]);
      const recent = await em.count(Alert, {
        sourceSystem: CITIZEN_SOURCE,
        clientKey: client,
        receivedAt: { $gt: new Date(now.getTime() - 3_600_000) },
      });
      if (recent >= ctx.config.citizenReportsPerHour) throw rateLimited(3600);
      const trackingCode = newTrackingCode();
      const description = input.description.trim();
      const created = em.create(Alert, {
        sourceSystem: CITIZEN_SOURCE,
        sourceRef: trackingCode,
        trackingCode,
        sector: category.sector,
        category: em.getReference(Category, category.id, { wrapped: true }),
        severity: category.defaultSeverity,
        urgency: Urgency.UNKNOWN,
        certainty: Certainty.UNKNOWN,
        headline: `${category.nameVi}${input.place ? ` — ${input.place.trim()}` : ''}`.slice(0, 300),
        description,
        place: input.place?.trim() ?? null,
        ...location,
        occurredAt: input.occurredAt ?? now,
        receivedAt: now,
        evidence: input.photoUrls ?? [],
        reporterName: input.contact?.name?.trim() ?? null,
        reporterPhone: input.contact?.phone?.trim() ?? null,
        reporterEmail: input.contact?.email?.trim() ?? null,
        clientKey: client,
      } as Alert);
      em.persist(created);
      em.persist(
        timelineEntry(
          ctx.identity,
          now,
          { subjectType: 'Alert', subjectId: created.id, action: 'reported', toState: AlertState.NEW, note: 'citizen report' },
          ctx.requestId,
        ),
      );
      await emitAlertEvent(em, ctx.identity, now, 'received', created);
      return created;
    });
    return (await publicViews(ctx, [alert]))[0];
  }

  @Query(() => CitizenReport, {
    nullable: true,
    description: 'The public status of a citizen report, by its tracking code; null when the code is unknown. Public',
  })
  async citizenReport(
    @Arg('trackingCode', { description: 'Tracking code, e.g. PA-7K3M9QXR' }) trackingCode: string,
    @Ctx() ctx: IncidentsContext,
  ): Promise<CitizenReport | null> {
    const alert = await ctx.em.findOne(Alert, { trackingCode: trackingCode.trim().toUpperCase() });
    return alert ? (await publicViews(ctx, [alert]))[0] : null;
  }

  @Query(() => [CitizenReport], {
    description:
      'Citizen reports by their tracking codes (at most 50), as citizenReport shows each, in the order asked; unknown codes are left out. Public',
  })
  async citizenReports(
    @Arg('trackingCodes', () => [String], { description: 'Tracking codes, e.g. ["PA-7K3M9QXR"]; at most 50' }) trackingCodes: string[],
    @Ctx() ctx: IncidentsContext,
  ): Promise<CitizenReport[]> {
    if (trackingCodes.length > MAX_TRACKING_CODES) {
      throw badInput(`At most ${MAX_TRACKING_CODES} tracking codes`, [
        { field: 'trackingCodes', message: `at most ${MAX_TRACKING_CODES}` },
      ]);
    }
    const codes = [...new Set(trackingCodes.map((code) => code.trim().toUpperCase()))];
    if (codes.some((code) => code.length > 20)) {
      throw badInput('A tracking code is PA- and 8 letters or digits', [{ field: 'trackingCodes', message: 'not a tracking code' }]);
    }
    const alerts = codes.length ? await ctx.em.find(Alert, { trackingCode: { $in: codes } }) : [];
    const views = new Map((await publicViews(ctx, alerts)).map((view) => [view.trackingCode, view]));
    return codes.map((code) => views.get(code)).filter((view): view is CitizenReport => view !== undefined);
  }

  @CacheHint(60)
  @Query(() => CitizenReportConnection, {
    description:
      'Citizen reports whose result is published, as citizenReport shows each, most recently published first (the Open311 list of requests). Public',
  })
  async publishedCitizenReports(
    @Arg('filter', () => PublishedCitizenReportFilter, { nullable: true, description: 'Conditions the reports must meet; omit for all' })
    filter: PublishedCitizenReportFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: IncidentsContext,
  ): Promise<CitizenReportConnection> {
    // The public record of an incident that came from a citizen report keeps the report's tracking code.
    const where: FilterQuery<Publication>[] = [{ trackingCode: { $ne: null } }];
    if (filter?.categoryCode) where.push({ category: { code: filter.categoryCode } });
    if (filter?.receivedFrom) where.push({ receivedAt: { $gte: filter.receivedFrom } });
    if (filter?.receivedTo) where.push({ receivedAt: { $lt: filter.receivedTo } });
    const published = await paginate(ctx.em, Publication, { $and: where }, { ...page, orderBy: 'publishedAt', direction: 'DESC' });
    const codes = published.edges.map((edge) => edge.node.trackingCode!);
    const alerts = codes.length ? await ctx.em.find(Alert, { trackingCode: { $in: codes } }) : [];
    const views = new Map((await publicViews(ctx, alerts)).map((view) => [view.trackingCode, view]));
    return {
      ...published,
      edges: published.edges.flatMap((edge) => {
        const node = views.get(edge.node.trackingCode!);
        return node ? [{ cursor: edge.cursor, node }] : [];
      }),
    };
  }
}

/** Tracking codes one `citizenReports` request may ask for. */
const MAX_TRACKING_CODES = 50;

/**
 * What the public sees of citizen reports (one request's worth, read together): where each stands, what it
 * is about and where, and who handles it; never the reporter. Once published, the text is the public
 * record's, which the center approved with personal data removed.
 */
async function publicViews(ctx: IncidentsContext, alerts: Alert[]): Promise<CitizenReport[]> {
  const incidentIds = alerts.flatMap((alert) => (alert.incident ? [alert.incident.id] : []));
  const categoryIds = [...new Set(alerts.map((alert) => alert.category.id))];
  const [categories, incidents, publications] = await Promise.all([
    categoryIds.length ? ctx.em.find(Category, { id: { $in: categoryIds } }) : [],
    incidentIds.length ? ctx.em.find(Incident, { id: { $in: incidentIds } }) : [],
    incidentIds.length ? ctx.em.find(Publication, { incidentId: { $in: incidentIds } }) : [],
  ]);
  const categoryOf = new Map(categories.map((category) => [category.id, category]));
  const incidentOf = new Map(incidents.map((incident) => [incident.id, incident]));
  const publicationOf = new Map(publications.map((publication) => [publication.incidentId, publication]));
  return alerts.map((alert) => {
    const incident = alert.incident ? (incidentOf.get(alert.incident.id) ?? null) : null;
    const publication = incident ? (publicationOf.get(incident.id) ?? null) : null;
    const status = publicStatus(alert, incident, publication);
    const changes = [alert.receivedAt, incident?.openedAt, incident?.assignedAt, incident?.resultSubmittedAt, incident?.approvedAt];
    changes.push(incident?.closedAt, publication?.publishedAt);
    const updatedAt = new Date(Math.max(...changes.filter((at): at is Date => at instanceof Date).map((at) => at.getTime())));
    return {
      trackingCode: alert.trackingCode!,
      category: categoryOf.get(alert.category.id)!,
      receivedAt: alert.receivedAt,
      status,
      statusReason: status === CitizenReportStatus.DISMISSED && alert.dismissReason ? redactPersonalData(alert.dismissReason) : null,
      publicIncident: publication,
      description: publication ? publication.summary : redactPersonalData(alert.description),
      place: publication ? publication.place : alert.place ? redactPersonalData(alert.place) : null,
      location: geoPoint(alert.latitude, alert.longitude),
      photoUrls: alert.evidence,
      updatedAt,
      dueAt: incident?.deadline ?? null,
      agency: agencyRef(publication?.agencyId ?? incident?.agencyId ?? null),
    };
  });
}
