import { foldVietnamese } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Incident } from '../incident/incident';
import { Publication } from './publication';
import { redactPersonalData } from './redact';

/**
 * Writes the incident's public record from its approved result: what, where, when, the result and
 * the handling agency, with personal data removed. A republication after a changed result replaces
 * the text and keeps the record (and its ratings).
 */
export async function publish(em: EntityManager, incident: Incident, publicSummary: string | null, now: Date): Promise<Publication> {
  const record =
    (await em.findOne(Publication, { incidentId: incident.id })) ?? em.create(Publication, { incidentId: incident.id } as Publication);
  const title = redactPersonalData(incident.title);
  Object.assign(record, {
    code: incident.code,
    title,
    summary: redactPersonalData(publicSummary ?? incident.title),
    result: redactPersonalData(incident.result ?? ''),
    sector: incident.sector,
    category: incident.category,
    place: incident.place ? redactPersonalData(incident.place) : null,
    unitId: incident.unitId,
    unitLineage: incident.unitLineage,
    agencyId: incident.agencyId,
    occurredAt: incident.occurredAt,
    receivedAt: incident.openedAt,
    resolvedAt: incident.approvedAt ?? now,
    publishedAt: now,
    trackingCode: incident.trackingCode,
  });
  record.searchText = foldVietnamese(`${record.code} ${record.title} ${record.summary} ${record.place ?? ''}`);
  em.persist(record);
  return record;
}
