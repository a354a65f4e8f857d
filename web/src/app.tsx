import { useCallback, useEffect, useMemo, useState } from 'react';
import { createApi, type Api } from './api/api.js';
import { capabilitiesFrom, loadCapabilities, type Capabilities } from './api/capabilities.js';
import { identify, type Identity } from './api/identity.js';
import { forgetToken, storedToken, storeToken } from './api/session.js';
import { SignInPage } from './features/sign-in/sign-in-page.js';
import { navigate, useLocation } from './router/navigation.js';
import { parseRoute } from './router/route.js';
import { AppContext, type AppContextValue } from './shell/app-context.js';
import { AppShell } from './shell/app-shell.js';

interface Session {
  api: Api;
  identity: Identity;
}

/** The dashboard: reads what the server offers, signs in with a token, then shows the pages. */
export function App() {
  const [capabilities, setCapabilities] = useState<Capabilities>();
  const [session, setSession] = useState<Session>();
  const [restoring, setRestoring] = useState(() => storedToken() !== undefined);
  const [message, setMessage] = useState<string>();
  const location = useLocation();

  useEffect(() => {
    loadCapabilities().then(setCapabilities, () => setCapabilities(capabilitiesFrom(undefined)));
  }, []);

  const signOut = useCallback((reason?: string) => {
    forgetToken();
    setSession(undefined);
    setMessage(reason);
  }, []);

  const signIn = useCallback(
    async (token: string) => {
      if (!capabilities) return;
      const api = createApi(token, { onUnauthenticated: (error) => signOut(error.message) });
      const identity = await identify(api, capabilities);
      storeToken(token);
      setMessage(undefined);
      setSession({ api, identity });
      if (parseRoute(window.location.pathname).page === 'sign-in') navigate('/map', { replace: true });
    },
    [capabilities, signOut],
  );

  useEffect(() => {
    if (!capabilities || !restoring) return;
    const token = storedToken();
    if (!token) {
      setRestoring(false);
      return;
    }
    signIn(token)
      .catch((error: Error) => signOut(error.message))
      .finally(() => setRestoring(false));
  }, [capabilities, restoring, signIn, signOut]);

  const context = useMemo<AppContextValue | undefined>(
    () => (session && capabilities ? { ...session, capabilities, signOut: () => signOut() } : undefined),
    [session, capabilities, signOut],
  );

  if (!capabilities || restoring) {
    return (
      <p className="splash" role="status">
        Connecting to Cello…
      </p>
    );
  }
  if (!context) return <SignInPage onSignIn={signIn} message={message} />;
  return (
    <AppContext.Provider value={context}>
      <AppShell route={parseRoute(location.pathname)} />
    </AppContext.Provider>
  );
}
