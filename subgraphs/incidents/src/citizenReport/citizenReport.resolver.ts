import { badInput, forbidden, inTransaction, isPartnerOnly, rateLimited } from '@ioc-graph/platform';
import { randomInt } from 'node:crypto';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
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
import { timelineEntry } from '../timeline/timelineEntry';
import { Certainty, Urgency } from '../vocabulary';
import { CitizenReport, CitizenReportStatus } from './citizenReport';
import { CitizenReportInput } from './citizenReport.input';

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
    return {
      trackingCode: alert.trackingCode!,
      category,
      receivedAt: alert.receivedAt,
      status: CitizenReportStatus.RECEIVED,
      statusReason: null,
      publicIncident: null,
    };
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
    if (!alert) return null;
    const [category, incident, publication] = await Promise.all([
      ctx.em.findOneOrFail(Category, alert.category.id),
      alert.incident ? ctx.em.findOne(Incident, alert.incident.id) : null,
      alert.incident ? ctx.em.findOne(Publication, { incidentId: alert.incident.id }) : null,
    ]);
    const status = publicStatus(alert, incident, publication);
    return {
      trackingCode: alert.trackingCode!,
      category,
      receivedAt: alert.receivedAt,
      status,
      statusReason: status === CitizenReportStatus.DISMISSED && alert.dismissReason ? redactPersonalData(alert.dismissReason) : null,
      publicIncident: publication,
    };
  }
}
