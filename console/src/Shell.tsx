import { ApolloProvider, useQuery } from '@apollo/client/react';
import { ConsoleViewerDocument } from './__generated__/graphql';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from './auth/session';
import { connect, type Connection } from './graphql/client';
import { ConnectionContext } from './graphql/ConnectionContext';
import { LanguageSwitch } from './LanguageSwitch';
import { navigate, useRoute } from './router';
import { screensFor } from './screens';

/** The signed-in person: name and position from the directory, else from the token. */
function ViewerBadge({ fallbackName, subject, roles }: { fallbackName: string; subject: string; roles: string[] }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(ConsoleViewerDocument);
  const me = data?.me;
  const agency = me?.agency ? (i18n.language === 'en' ? me.agency.nameEn : me.agency.nameVi) : null;
  return (
    <span className="viewer" data-subject={subject}>
      {me?.fullName ?? fallbackName} · {roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}
      {agency ? ` · ${agency}` : ''}
    </span>
  );
}

/** The signed-in console: the screens of the person's roles, one connection to the hub for all of them. */
export function Shell({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [connection, setConnection] = useState<Connection | null>(null);
  const [connected, setConnected] = useState(true);
  // Made in an effect, not a memo: a remount (React's strict mode does one) gets a connection of its own.
  useEffect(() => {
    const opened = connect(session);
    const stop = opened.onConnectedChange(setConnected);
    setConnection(opened);
    return () => {
      stop();
      opened.dispose();
    };
  }, [session]);
  const viewer = session.viewer!;
  const screens = screensFor(viewer.roles);
  const [name] = useRoute();
  const screen = screens.find((s) => s.name === name) ?? screens[0];
  useEffect(() => {
    if (screen && screen.name !== name) navigate(screen.name);
  }, [screen, name]);
  const Screen = screen?.component;
  if (!connection) return null;

  return (
    <ConnectionContext.Provider value={{ ...connection, session }}>
      <ApolloProvider client={connection.apollo}>
        <div className={`shell screen-${screen?.name ?? 'none'}`}>
          <header className="top">
            <strong className="brand">{t('appName')}</strong>
            <nav aria-label={t('appName')}>
              {screens.map((s) => (
                <a
                  key={s.name}
                  href={`${import.meta.env.BASE_URL}${s.name}`}
                  aria-current={s === screen ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(s.name);
                  }}
                >
                  {t(`nav.${s.name}`)}
                </a>
              ))}
            </nav>
            <span className={`connection ${connected ? 'live' : 'down'}`} role="status" data-connected={connected}>
              {connected ? t('connection.live') : t('connection.reconnecting')}
            </span>
            <ViewerBadge fallbackName={viewer.fullName} subject={viewer.subject} roles={viewer.roles} />
            <LanguageSwitch />
            <button type="button" onClick={() => session.signOut()}>
              {t('signIn.signOut')}
            </button>
          </header>
          <main className="content">
            {Screen ? (
              <Suspense fallback={<p>{t('loading')}</p>}>
                <Screen />
              </Suspense>
            ) : (
              <p>{t('noScreens')}</p>
            )}
          </main>
        </div>
      </ApolloProvider>
    </ConnectionContext.Provider>
  );
}
