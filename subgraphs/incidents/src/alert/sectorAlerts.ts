import {
  breachStepOf,
  isBreachPayload,
  Role,
  severityRank,
  type BreachEventType,
  type BusEvent,
  type BusEventOf,
  type Clock,
  type EventHandler,
  type Logger,
} from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Category } from '../category/category';
import type { IncidentsContext } from '../context';
import { emitAlertEvent } from '../events';
import { timelineEntry } from '../timeline/timelineEntry';
import { AlertStatus } from '../vocabulary';
import { Alert } from './alert';
import { intakeAlert } from './intake';

/**
 * Turns sectors' breach events into alerts: an opened breach becomes one alert (idempotently: the same
 * breach delivered again finds it), an update of a breach that grew worse raises the alert's severity,
 * and the end of a breach is recorded on the alert's timeline and announced. Breach events whose payload
 * breaks the contract (`BreachPayload`, platform) are logged and passed over.
 */
export function sectorAlertHandler(clock: Clock, logger: Logger): EventHandler<BreachEventType> {
  const accepts = (event: BusEvent): event is BusEventOf<BreachEventType> => {
    if (event.source === 'incidents' || !breachStepOf(event.type)) return false;
    if (isBreachPayload(event.payload)) return true;
    logger.warn({ event: event.id, type: event.type, source: event.source }, 'a breach event breaks the breach contract; no alert raised');
    return false;
  };
  const handle = async (em: EntityManager, events: BusEventOf<BreachEventType>[]): Promise<void> => {
    for (const event of events) {
      const step = breachStepOf(event.type);
      const { payload } = event;
      const identity = { subject: `system:${event.source}`, roles: [Role.SYSTEM], agencyId: null, fieldUnitId: null, scopeUnitId: null };
      const ctx = { em, identity, requestId: event.id, clock } as unknown as IncidentsContext;
      const key = { sourceSystem: event.source, sourceRef: event.entityKey };
      if (step === 'breachOpened') {
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
          agencyId: payload.agencyId ?? null,
          occurredAt: new Date(payload.startedAt),
          receivedAt: clock.now(),
          evidence: payload.evidence ?? [],
          status: AlertStatus[payload.status ?? 'ACTUAL'],
          reportedBy: identity.subject,
        });
        continue;
      }
      const alert = await em.findOne(Alert, key);
      if (!alert) continue;
      const now = clock.now();
      const severity = step === 'breachUpdated' ? payload.severity : null;
      const worse = Boolean(severity && severityRank(severity) > severityRank(alert.severity));
      if (severity && worse) alert.severity = severity;
      if (step === 'breachUpdated' && !worse) continue;
      em.persist(
        timelineEntry(
          identity,
          now,
          {
            subjectType: 'Alert',
            subjectId: alert.id,
            action: step === 'breachClosed' ? 'breach ended' : 'breach worsened',
            fromState: alert.state,
            toState: alert.state,
            note: payload.headline,
          },
          event.id,
        ),
      );
      await emitAlertEvent(em, identity, now, step === 'breachClosed' ? 'breachEnded' : 'breachWorsened', alert);
    }
  };
  return { accepts, handle };
}
