import { ErrorCode, Role, type Identity, type Logger, type SubgraphClient } from '@ioc-graph/platform';
import { createHash } from 'node:crypto';
import { OpenRequestError } from './openOperations';

/** What a valid API key lets its partner do, as the partners subgraph keeps it. */
export interface ApiKeyGrant {
  id: string;
  partnerId: string;
  partnerName: string;
  /** `graphql` and the open datasets' names (see the catalogue) that the key may read. */
  scopes: string[];
  quotaPerMinute: number;
  quotaPerDay: number;
}

interface GatewayApiKey extends ApiKeyGrant {
  expiresAt: string;
  revokedAt: string | null;
  suspended: boolean;
}

/** A key as partners receive it: `iocg_` and 40 letters or digits. Anything else is refused unread. */
const KEY_FORMAT = /^iocg_[A-Za-z0-9]{40}$/;

const KEY_FIELDS = 'id partnerId partnerName scopes quotaPerMinute quotaPerDay expiresAt revokedAt suspended';
const BY_HASH = `query ApiKeyForGateway($hash: String!) { key: apiKeyForGateway(hash: $hash) { ${KEY_FIELDS} } }`;
const BY_SUBJECT = `query ApiKeyForTokenSubject($subject: String!) { key: apiKeyForTokenSubject(subject: $subject) { ${KEY_FIELDS} } }`;

export const apiKeyHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The identity a key's requests run with: its partner, with the PARTNER role and nothing else. */
export function partnerIdentity(grant: ApiKeyGrant): Identity {
  return { subject: `partner:${grant.partnerId}`, roles: [Role.PARTNER], agencyId: null, fieldUnitId: null, scopeUnitId: null };
}

function validGrant(key: GatewayApiKey, now: number): ApiKeyGrant {
  if (key.revokedAt || key.suspended || Date.parse(key.expiresAt) <= now) throw refused();
  const { id, partnerId, partnerName, scopes, quotaPerMinute, quotaPerDay } = key;
  return { id, partnerId, partnerName, scopes, quotaPerMinute, quotaPerDay };
}

const refused = () => new OpenRequestError(401, ErrorCode.UNAUTHENTICATED, 'The API key is unknown, revoked or expired');

export interface ApiKeysOptions {
  /** The partners subgraph, asked as the gateway's service identity; undefined when the hub runs without it (every key is refused). */
  client: SubgraphClient | undefined;
  /** API_KEY_CACHE_SECONDS: how long a looked-up key (valid or not) is trusted before it is asked again. */
  cacheSeconds: number;
  logger: Logger;
}

/**
 * Turns an `x-api-key` into its grant. Keys are looked up by their SHA-256 in the partners subgraph (which
 * never holds the secret) and kept for `cacheSeconds`: a revocation reaches every gateway within that time,
 * and at once on the gateways that see the partners subgraph's `apiKey.revoked` event ({@link forget}).
 */
export class ApiKeys {
  private readonly kept = new Map<string, { key: GatewayApiKey | null; until: number }>();
  private readonly inFlight = new Map<string, Promise<GatewayApiKey | null>>();
  constructor(private readonly options: ApiKeysOptions) {}

  /**
   * The grant of a key, or throws: UNAUTHENTICATED (401) for a malformed, unknown, revoked, expired or
   * suspended key; UNAVAILABLE (503) when the partners subgraph cannot be asked (never the public instead).
   */
  async grantOf(secret: string, now = Date.now()): Promise<ApiKeyGrant> {
    if (!KEY_FORMAT.test(secret)) throw refused();
    const hash = apiKeyHash(secret);
    const key = await this.lookup(`hash:${hash}`, BY_HASH, { hash }, now);
    if (!key) throw refused();
    return validGrant(key, now);
  }

  /**
   * The grant of the key that stands for a partner behind an identity provider (its tokens' `sub`), or
   * null when no key names that subject; throws like {@link grantOf} when the key is no longer valid.
   */
  async grantOfSubject(subject: string, now = Date.now()): Promise<ApiKeyGrant | null> {
    const key = await this.lookup(`subject:${subject}`, BY_SUBJECT, { subject }, now);
    return key ? validGrant(key, now) : null;
  }

  /** Drops what is kept of a key (by its hash) and of every token subject, so that the next request asks again. */
  forget(hash: string): void {
    this.kept.delete(`hash:${hash}`);
    for (const name of this.kept.keys()) if (name.startsWith('subject:')) this.kept.delete(name);
  }

  private async lookup(name: string, query: string, variables: Record<string, string>, now: number): Promise<GatewayApiKey | null> {
    const kept = this.kept.get(name);
    if (kept && kept.until > now) return kept.key;
    const { client } = this.options;
    if (!client) return null;
    let pending = this.inFlight.get(name);
    if (!pending) {
      pending = client
        .request<{ key: GatewayApiKey | null }>(query, variables)
        .then(({ key }) => {
          this.kept.set(name, { key, until: Date.now() + this.options.cacheSeconds * 1000 });
          // Bounded: a flood of made-up keys must not grow the map without end.
          if (this.kept.size > 10_000) this.kept.delete(this.kept.keys().next().value!);
          return key;
        })
        .finally(() => this.inFlight.delete(name));
      this.inFlight.set(name, pending);
    }
    try {
      return await pending;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'the partners subgraph did not answer an API key lookup');
      throw new OpenRequestError(503, ErrorCode.UNAVAILABLE, 'API keys cannot be checked right now; retry shortly');
    }
  }
}
