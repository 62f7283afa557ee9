import { actorOf, localYear } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Category } from '../category/category';
import type { IncidentsContext } from '../context';
import { emitIncidentEvent } from '../events';
import { timelineEntry } from '../timeline/timelineEntry';
import { Incident } from './incident';
import { IncidentState } from './incident.rules';

/** The incident's number: VV-<local year>-<sequence>, never reused. */
async function nextCode(em: EntityManager, now: Date): Promise<string> {
  const [row] = await em.execute<{ n: string }[]>(`select nextval('incidents.incident_code_seq') as n`);
  return `VV-${localYear(now)}-${String(row.n).padStart(6, '0')}`;
}

/** Opens an incident in VERIFIED inside the caller's transaction, with its first timeline entry. */
export async function openIncident(
  ctx: IncidentsContext,
  em: EntityManager,
  fields: Omit<Partial<Incident>, 'category'> & { category: Category; title: string; description: string },
  note: string | null,
): Promise<Incident> {
  const now = ctx.clock.now();
  const incident = em.create(Incident, {
    sector: fields.category.sector,
    severity: fields.category.defaultSeverity,
    process: fields.category.defaultProcess,
    occurredAt: now,
    ...fields,
    category: em.getReference(Category, fields.category.id, { wrapped: true }),
    code: await nextCode(em, now),
    state: IncidentState.VERIFIED,
    openedAt: now,
    openedBy: actorOf(ctx.identity),
  });
  em.persist(incident);
  em.persist(
    timelineEntry(
      ctx.identity,
      now,
      { subjectType: 'Incident', subjectId: incident.id, action: 'opened', toState: IncidentState.VERIFIED, note },
      ctx.requestId,
    ),
  );
  await emitIncidentEvent(em, ctx.identity, now, 'opened', incident, { action: 'opened', toState: IncidentState.VERIFIED });
  return incident;
}
