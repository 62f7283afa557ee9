/** A demo person the hub offers on its embedded default. */
export interface DemoPerson {
  subject: string;
  fullName: string;
  roles: string[];
}

/** How this hub's console signs in (`/console/settings.json`). */
export type SignInSettings =
  { kind: 'demo'; people: DemoPerson[] } | { kind: 'oidc'; authority: string; clientId: string; scope: string } | { kind: 'token' };

export interface ConsoleSettings {
  signIn: SignInSettings;
}

export async function loadSettings(): Promise<ConsoleSettings> {
  const response = await fetch(`${import.meta.env.BASE_URL}settings.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`settings.json: HTTP ${response.status}`);
  return (await response.json()) as ConsoleSettings;
}
