import { createContext, useContext } from 'react';
import type { Session } from '../auth/session';
import type { Connection } from './client';

export interface ConnectionValue extends Connection {
  session: Session;
}

export const ConnectionContext = createContext<ConnectionValue | null>(null);

/** The signed-in session's connection to the hub (inside the signed-in part of the app only). */
export function useConnection(): ConnectionValue {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection outside a signed-in session');
  return value;
}

/** The signed-in person. */
export const useViewer = () => useConnection().session.viewer!;
