import { emitEvent, type Actor, type EventPayload } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiKey } from './apiKey/apiKey';
import type { Partner } from './partner/partner';

type PartnersEventType = 'partner.created' | 'partner.updated' | 'apiKey.issued' | 'apiKey.revoked';

/** Writes the event of a change, in its transaction, about the changed record (see mutations.ts). */
function announce<E extends { id: string }, T extends PartnersEventType>(
  type: T,
  entityType: string,
  actor: Actor,
  payloadOf: (entity: E) => EventPayload<T>,
) {
  return (em: EntityManager, entity: E, at: Date) =>
    emitEvent(em, actor, at, { type, entityType, entityKey: entity.id, payload: payloadOf(entity) });
}

/** Announces a partner's registration or change: a gateway refuses the keys of a suspended partner. */
export const announcePartner = (type: 'partner.created' | 'partner.updated', actor: Actor) =>
  announce(type, 'Partner', actor, (partner: Partner) => ({ partnerId: partner.id, suspended: partner.suspended }));

/**
 * Announces a key's issue or revocation with its hash, the key gateways cache it under: on
 * `apiKey.revoked` every gateway drops the key at once instead of waiting for its cache to expire.
 */
export const announceApiKey = (type: 'apiKey.issued' | 'apiKey.revoked', actor: Actor) =>
  announce(type, 'ApiKey', actor, (key: ApiKey) => ({ keyId: key.id, partnerId: key.partner.id, hash: key.hash }));
