import { emitEvent, type Actor, type DirectoryEventType } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The records whose changes other subgraphs must hear of, and the event each change makes. */
const UPDATED: Record<string, DirectoryEventType> = {
  AdministrativeUnit: 'administrativeUnit.updated',
  Agency: 'agency.updated',
};

/**
 * Announces, in the change's transaction, that a unit or an agency changed: the incidents subgraph
 * caches units' lineages and agencies' names and drops them on these events. Other records (people,
 * field units) are nobody's cache yet and make no event.
 */
export async function emitDirectoryEvent(
  em: EntityManager,
  actor: Actor,
  at: Date,
  entityType: string,
  entity: { id: string; code: string },
): Promise<void> {
  const type = UPDATED[entityType];
  if (!type) return;
  await emitEvent(em, actor, at, { type, entityType, entityKey: entity.id, payload: { code: entity.code } });
}
