import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { IncidentsContext } from '../context';
import { emitAlertEvent } from '../events';
import { timelineEntry } from '../timeline/timelineEntry';
import { Alert } from './alert';

/**
 * Stores a new alert with its first timeline entry, unless its source event is already known: then
 * the alert stored first is returned, also when two deliveries race (the unique key decides).
 */
export async function intakeAlert(
  ctx: IncidentsContext,
  fields: Partial<Alert> & Pick<Alert, 'sourceSystem' | 'sourceRef'>,
): Promise<Alert> {
  const key = { sourceSystem: fields.sourceSystem, sourceRef: fields.sourceRef };
  const known = await ctx.em.findOne(Alert, key);
  if (known) return known;
  try {
    return await ctx.em.fork().transactional(async (em) => {
      const alert = em.create(Alert, fields as Alert);
      em.persist(alert);
      em.persist(
        timelineEntry(
          ctx.identity,
          alert.receivedAt,
          {
            subjectType: 'Alert',
            subjectId: alert.id,
            action: 'reported',
            toState: alert.state,
            note: `${alert.sourceSystem}:${alert.sourceRef}`,
          },
          ctx.requestId,
        ),
      );
      await emitAlertEvent(em, ctx.identity, alert.receivedAt, 'received', alert);
      return alert;
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const first = await ctx.em.fork().findOne(Alert, key);
    if (!first) throw error;
    return first;
  }
}
