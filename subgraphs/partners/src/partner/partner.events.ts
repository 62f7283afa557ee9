import { emitEvent, type Actor } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Partner } from './partner';

/** Announces a partner's registration or change: a gateway refuses the keys of a suspended partner. */
export function announcePartner(type: 'partner.created' | 'partner.updated', actor: Actor) {
  return (em: EntityManager, partner: Partner, at: Date) =>
    emitEvent(em, actor, at, {
      type,
      entityType: 'Partner',
      entityKey: partner.id,
      payload: { partnerId: partner.id, suspended: partner.suspended },
    });
}
