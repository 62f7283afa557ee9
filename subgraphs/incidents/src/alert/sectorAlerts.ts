import { Role, severityRank, type BusEvent, type Clock, type Logger } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Category } from '../category/category';
import type { IncidentsContext } from '../common';
import { emitAlertEvent } from '../events';
import { timelineEntry } from '../timeline/timelineEntry';
import { AlertStatus, Severity } from '../vocabulary';
import { Alert } from './alert';
import { intakeAlert } from './intake';

/**
 * What a sector subgraph puts in the payload of its breach events (docs/sector-pattern.md): enough for
 * an alert. The event's source is the source system, its entity key (the breach) the source reference.
 */
export interface BreachPayload {
  categoryCode: string;
  severity?: Severity;
  headline: string;
  description?: string;
  unitId?: string | null;
  unitLineage?: string[];
  latitude?: number | null;
  longitude?: number | null;
  place?: string | null;
  startedAt: string;
  status?: AlertStatus;
  evidence?: string[];
}

const kind = (event: BusEvent) => /\.breach(Opened|Updated|Closed)$/.exec(event.type)?.[1];

/**
 * Turns sectors' breach events into alerts: an opened breach becomes one alert (idempotently: the same
 * breach delivered again finds it), an update of a breach that grew worse raises the alert's severity,
 * and the end of a breach is recorded on the alert's timeline and announced.
 */
export function sectorAlertHandler(clock: Clock, logger: Logger) {
  return async (em: EntityManager, events: BusEvent[]): Promise<void> => {
    for (const event of events) {
      const step = kind(event);
      if (!step || event.source === 'incidents') continue;
      const payload = event.payload as unknown as BreachPayload;
      const identity = { subject: `system:${event.source}`, roles: [Role.SYSTEM], agencyId: null, fieldUnitId: null, scopeUnitId: null };
      const ctx = { em, identity, requestId: event.id, clock } as unknown as IncidentsContext;
      const key = { sourceSystem: event.source, sourceRef: event.entityKey };
      if (step === 'Opened') {
        const category = await em.findOne(Category, { code: payload.categoryCode });
        if (!category) {
          logger.warn({ event: event.id, category: payload.categoryCode }, 'a breach names no known category; no alert raised');
          continue;
        }
        await intakeAlert(ctx, {
          ...key,
          sector: category.sector,
          category: em.getReference(Category, category.id, { wrapped: true }),
          severity: payload.severity ?? category.defaultSeverity,
          headline: payload.headline.slice(0, 300),
          description: payload.description ?? '',
          latitude: payload.latitude ?? null,
          longitude: payload.longitude ?? null,
          place: payload.place ?? null,
          unitId: payload.unitId ?? null,
          unitLineage: payload.unitLineage ?? [],
          occurredAt: new Date(payload.startedAt),
          receivedAt: clock.now(),
          evidence: payload.evidence ?? [],
          status: payload.status ?? AlertStatus.ACTUAL,
          reportedBy: identity.subject,
        });
        continue;
      }
      const alert = await em.findOne(Alert, key);
      if (!alert) continue;
      const now = clock.now();
      const worse = step === 'Updated' && payload.severity && severityRank(payload.severity) > severityRank(alert.severity);
      if (worse) alert.severity = payload.severity!;
      if (step === 'Updated' && !worse) continue;
      em.persist(timelineEntry(identity, now, { subjectType: 'Alert', subjectId: alert.id, action: step === 'Closed' ? 'breach ended' : 'breach worsened', fromState: alert.state, toState: alert.state, note: payload.headline }, event.id));
      await emitAlertEvent(em, identity, now, step === 'Closed' ? 'breachEnded' : 'breachWorsened', alert);
    }
  };
}
