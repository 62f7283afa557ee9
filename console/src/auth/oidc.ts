import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { Grant } from './session';

type OidcSettings = { authority: string; clientId: string; scope: string };

/**
 * The OpenID Connect code flow with PKCE. Tokens stay in memory (the user store); only the flow's short-lived
 * state (PKCE verifier, nonce) crosses the redirect, in sessionStorage, as the flow needs.
 */
export function userManager({ authority, clientId, scope }: OidcSettings): UserManager {
  const base = `${window.location.origin}${import.meta.env.BASE_URL}`;
  return new UserManager({
    authority,
    client_id: clientId,
    scope,
    redirect_uri: `${base}`,
    post_logout_redirect_uri: `${base}`,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
  });
}

export const grantOf = (user: User): Grant => ({ token: user.access_token, expiresAt: (user.expires_at ?? 0) * 1000 });

/** Finishes a sign-in when the page is the identity provider's redirect back (`?code=…&state=…`). */
export async function completeRedirect(manager: UserManager): Promise<User | null> {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('code') || !params.has('state')) return null;
  const user = await manager.signinRedirectCallback();
  window.history.replaceState(null, '', window.location.pathname);
  return user;
}
