/** A signed-in person as the console knows them: the claims it needs to choose screens, never more. */
export interface Viewer {
  subject: string;
  fullName: string;
  roles: string[];
  agencyId: string | null;
  fieldUnitId: string | null;
}

/** A token and when it stops being accepted. */
export interface Grant {
  token: string;
  expiresAt: number;
}

/** Gets a fresh grant for the same person (the demo sign-in again, or the identity provider's refresh). */
export type Renew = () => Promise<Grant>;

type Listener = () => void;

/** Claims of a JWT, read without checking it: the gateway checks it; the console only chooses screens by it. */
export function claimsOf(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
}

function viewerOf(token: string, fullName?: string): Viewer {
  const claims = claimsOf(token);
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : null);
  // `roles`, or an identity provider's realm roles (Keycloak), as the gateway reads them.
  const realm = (claims.realm_access as { roles?: unknown } | undefined)?.roles;
  const raw: unknown[] = Array.isArray(claims.roles) ? claims.roles : Array.isArray(realm) ? realm : [];
  const roles = raw.filter((r): r is string => typeof r === 'string');
  return {
    subject: text('sub') ?? '',
    fullName: fullName ?? text('name') ?? text('sub') ?? '',
    roles,
    agencyId: text('agency_id'),
    fieldUnitId: text('field_unit_id'),
  };
}

/**
 * The signed-in person and their token, kept in memory only (never in storage a script of another page could
 * read), renewed a minute before it expires (or at 80 % of a short lifetime). Listeners hear of every new
 * token: the WebSocket reconnects with it.
 */
export class Session {
  private grant: Grant | null = null;
  private renew: Renew | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();
  viewer: Viewer | null = null;

  get token(): string | null {
    return this.grant?.token ?? null;
  }

  signIn(grant: Grant, renew: Renew, fullName?: string): void {
    this.viewer = viewerOf(grant.token, fullName);
    this.renew = renew;
    this.accept(grant);
  }

  signOut(): void {
    clearTimeout(this.timer);
    this.grant = null;
    this.renew = null;
    this.viewer = null;
    this.emit();
  }

  /** Called with every new token; returns the unsubscribe. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Renews now (also what the timer does); a failure keeps the old token until it expires, then signs out. */
  async refresh(): Promise<void> {
    if (!this.renew) return;
    try {
      this.accept(await this.renew());
    } catch {
      const left = (this.grant?.expiresAt ?? 0) - Date.now();
      if (left <= 0) return this.signOut();
      this.schedule(Math.min(left, 10_000));
    }
  }

  private accept(grant: Grant): void {
    this.grant = grant;
    const lifetime = grant.expiresAt - Date.now();
    // A minute before it expires, or at 80 % of a life shorter than five minutes.
    this.schedule(Math.max(1_000, lifetime - Math.min(60_000, lifetime * 0.2)));
    this.emit();
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
