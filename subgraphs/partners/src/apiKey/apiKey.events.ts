import { emitEvent, type Actor } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiKey } from './apiKey';

/**
 * Announces a key's issue or revocation with its hash, the key gateways cache it under: on
 * `apiKey.revoked` every gateway drops the key at once instead of waiting for its cache to expire.
 */
export function announceApiKey(type: 'apiKey.issued' | 'apiKey.revoked', actor: Actor) {
  return (em: EntityManager, key: ApiKey, at: Date) =>
    emitEvent(em, actor, at, {
      type,
      entityType: 'ApiKey',
      entityKey: key.id,
      payload: { keyId: key.id, partnerId: key.partner.id, hash: key.hash },
    });
}
