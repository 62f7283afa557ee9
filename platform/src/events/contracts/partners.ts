/**
 * The contract between the partners subgraph and the gateways that admit partners by API key: what a
 * key may be scoped to, and the events of a key's life. A gateway caches what it learned of a key (by
 * its hash) and drops it on these events, so that a revoked key stops working at once on every gateway.
 */

/**
 * What an API key may be used for: `graphql` (the GraphQL endpoint with partner rights) and each
 * open-data dataset, by its name in the open-data endpoints. One list, for the partners subgraph that
 * checks a key's scopes and the gateway that enforces them.
 */
export const API_KEY_SCOPES = [
  'graphql',
  'incidents',
  'air-quality',
  'stations',
  'readings',
  'flood-gauges',
  'traffic',
  'public-services',
  'health',
  'security',
  'administrative-units',
  'warnings',
  'open311',
  'ngsi-ld',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Whether a string is one of {@link API_KEY_SCOPES}. */
export const isApiKeyScope = (value: string): value is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(value);

/** `partner.created`, `partner.updated` (its organisation, contact, licence or suspension changed); `apiKey.issued`, `apiKey.revoked`. */
export const PARTNER_EVENT_TYPES = ['partner.created', 'partner.updated'] as const;
export type PartnerEventType = (typeof PARTNER_EVENT_TYPES)[number];
export const API_KEY_EVENT_TYPES = ['apiKey.issued', 'apiKey.revoked'] as const;
export type ApiKeyEventType = (typeof API_KEY_EVENT_TYPES)[number];

/** The payload of `partner.created` and `partner.updated`; the entity is the Partner. A suspended partner's keys are refused. */
export type PartnerChanged = {
  partnerId: string;
  suspended: boolean;
};

/** The payload of `apiKey.issued`; the entity is the ApiKey. Never the secret: only its SHA-256 hash. */
export type ApiKeyIssued = {
  keyId: string;
  partnerId: string;
  /** SHA-256 hex of the whole secret: the key gateways cache the key under. */
  hash: string;
};

/** The payload of `apiKey.revoked`: the gateways drop the key cached under `hash` at once. */
export type ApiKeyRevoked = ApiKeyIssued;
