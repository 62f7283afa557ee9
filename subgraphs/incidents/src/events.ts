import { emitEvent, type Identity } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/core';
import type { Alert } from './alert/alert';
import type { Incident } from './incident/incident';

type Actor = Identity | 'scheduler';

/**
 * Alert events (`alert.received`, `.verified`, `.dismissed`, `.merged`): the center's own, so their
 * audience is the center only. The payload carries what subscriptions filter on.
 */
export function emitAlertEvent(em: EntityManager, actor: Actor, at: Date, type: string, alert: Alert) {
  return emitEvent(em, actor, at, {
    type: `alert.${type}`,
    entityType: 'Alert',
    entityKey: alert.id,
    payload: {
      sector: alert.sector,
      categoryId: alert.category.id,
      severity: alert.severity,
      status: alert.status,
      state: alert.state,
      unitLineage: alert.unitLineage,
      incidentId: alert.incident?.id ?? null,
    },
  });
}

/**
 * Incident events (`incident.opened`, `.assigned`, `.stateChanged`, `.noted`, `.reminded`, `.overdue`,
 * `.escalated`, `.published`): seen by the center and the handling agency; a publication by everyone.
 */
export function emitIncidentEvent(
  em: EntityManager,
  actor: Actor,
  at: Date,
  type: string,
  incident: Incident,
  step: { action?: string; fromState?: string | null; toState?: string | null; publicationId?: string } = {},
) {
  return emitEvent(em, actor, at, {
    type: `incident.${type}`,
    entityType: 'Incident',
    entityKey: incident.id,
    payload: {
      code: incident.code,
      sector: incident.sector,
      process: incident.process,
      severity: incident.severity,
      categoryId: incident.category.id,
      status: incident.status,
      unitLineage: incident.unitLineage,
      agencyId: incident.agencyId,
      state: incident.state,
      action: step.action ?? type,
      fromState: step.fromState ?? null,
      toState: step.toState ?? incident.state,
      publicationId: step.publicationId ?? null,
    },
    audience: { agencyIds: incident.agencyId ? [incident.agencyId] : [], public: type === 'published' },
  });
}
