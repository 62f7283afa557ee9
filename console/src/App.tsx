import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { completeRedirect, grantOf, userManager } from './auth/oidc';
import { Session } from './auth/session';
import { loadSettings, type ConsoleSettings } from './auth/settings';
import { SignIn } from './auth/SignIn';
import { Shell } from './Shell';

const session = new Session();
// A version that changes with every sign-in, sign-out and new token, for React to re-render on.
let version = 0;
session.onChange(() => (version += 1));
const subscribe = (listener: () => void) => session.onChange(listener);

export function App() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const [failed, setFailed] = useState(false);
  useSyncExternalStore(subscribe, () => version);
  // Signed in or out, not each new token: the shell keeps its connection across renewals.
  const signedIn = session.viewer !== null;

  useEffect(() => {
    loadSettings()
      .then(async (loaded) => {
        if (loaded.signIn.kind === 'oidc') {
          const manager = userManager(loaded.signIn);
          const user = await completeRedirect(manager);
          if (user) {
            session.signIn(
              grantOf(user),
              async () => {
                const renewed = await manager.signinSilent();
                if (!renewed) throw new Error('no renewed token');
                return grantOf(renewed);
              },
              typeof user.profile.name === 'string' ? user.profile.name : undefined,
            );
          }
        }
        setSettings(loaded);
      })
      .catch(() => setFailed(true));
  }, []);

  if (failed) return <p role="alert">{t('errors.unavailable')}</p>;
  if (!settings) return <p>{t('loading')}</p>;
  return signedIn ? <Shell key={session.viewer!.subject} session={session} /> : <SignIn settings={settings.signIn} session={session} />;
}
