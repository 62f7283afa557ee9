import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../LanguageSwitch';
import { userManager } from './oidc';
import type { Grant, Session } from './session';
import type { SignInSettings } from './settings';

/** The demo sign-in: a short-lived token for one demo person, asked again to renew it. */
async function demoGrant(subject: string): Promise<Grant & { fullName: string }> {
  const response = await fetch(`${import.meta.env.BASE_URL}sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject }),
  });
  if (!response.ok) throw new Error(`sign-in: HTTP ${response.status}`);
  const body = (await response.json()) as { token: string; expiresAt: string; person: { fullName: string } };
  return { token: body.token, expiresAt: Date.parse(body.expiresAt), fullName: body.person.fullName };
}

/** Expiry of a pasted token, from its `exp` claim. */
function pastedGrant(token: string): Grant {
  const [, payload] = token.split('.');
  const exp = (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number }).exp;
  return { token, expiresAt: (exp ?? 0) * 1000 };
}

export function SignIn({ settings, session }: { settings: SignInSettings; session: Session }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const [pasted, setPasted] = useState('');

  const signInAs = async (subject: string) => {
    try {
      const grant = await demoGrant(subject);
      session.signIn(grant, () => demoGrant(subject), grant.fullName);
    } catch {
      setFailed(true);
    }
  };
  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    try {
      const grant = pastedGrant(pasted.trim());
      // A pasted token cannot be renewed: it is used until it expires.
      session.signIn(grant, () => Promise.reject(new Error('a pasted token is not renewed')));
    } catch {
      setFailed(true);
    }
  };

  return (
    <main className="sign-in">
      <header>
        <h1>{t('appName')}</h1>
        <LanguageSwitch />
      </header>
      <h2>{t('signIn.title')}</h2>
      {failed && <p role="alert">{t('signIn.failed')}</p>}
      {settings.kind === 'demo' && (
        <>
          <p>{t('signIn.demoIntro')}</p>
          <ul className="people">
            {settings.people.map((person) => (
              <li key={person.subject}>
                <button type="button" data-subject={person.subject} onClick={() => void signInAs(person.subject)}>
                  <strong>{person.fullName}</strong>
                  <span>{person.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {settings.kind === 'oidc' && (
        <button type="button" onClick={() => void userManager(settings).signinRedirect()}>
          {t('signIn.oidc')}
        </button>
      )}
      {settings.kind === 'token' && (
        <form onSubmit={submitToken}>
          <p>{t('signIn.tokenIntro')}</p>
          <label>
            {t('signIn.token')}
            <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} rows={4} />
          </label>
          <button type="submit">{t('signIn.submit')}</button>
        </form>
      )}
    </main>
  );
}
