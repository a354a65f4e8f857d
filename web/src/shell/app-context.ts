import { createContext, useContext } from 'react';
import type { Api } from '../api/api.js';
import type { Capabilities } from '../api/capabilities.js';
import type { Identity } from '../api/identity.js';

/** What every signed-in page gets: the API client, what the server offers, and who is signed in. */
export interface AppContextValue {
  api: Api;
  capabilities: Capabilities;
  identity: Identity;
  signOut(): void;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

/** The signed-in context; only pages rendered inside the shell call this. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() was called outside the signed-in shell; render the page inside <AppShell>.');
  return value;
}
