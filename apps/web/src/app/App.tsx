import type { SignInResponse } from '@parley/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createAdminApi } from '../api/admin-api';
import { HttpClient } from '../api/http-client';
import { createParleyApi } from '../api/parley-api';
import { createMediaApi } from '../media/media-api';
import { SignInPage } from '../auth/SignInPage';
import { I18nProvider } from '../i18n/I18nProvider';
import { languageFromLocale, translate, type Language } from '../i18n/translate';
import { MessengerScreen } from './MessengerScreen';

type SessionState =
  | { readonly phase: 'restoring' }
  | { readonly phase: 'signed-out' }
  | { readonly phase: 'signed-in'; readonly session: SignInResponse };

/** Restores the session from the refresh cookie, else asks to sign in; then the messenger. */
export function App() {
  const [language, setLanguage] = useState<Language>(() =>
    languageFromLocale(typeof navigator === 'undefined' ? undefined : navigator.language),
  );
  const [state, setState] = useState<SessionState>({ phase: 'restoring' });

  const { api, adminApi, mediaApi } = useMemo(() => {
    const http = new HttpClient({
      fetch: (input, init) => window.fetch(input, init),
      onSessionRefreshed: (session) =>
        setState((current) =>
          current.phase === 'signed-out' ? current : { phase: 'signed-in', session },
        ),
      onSessionEnded: () => setState({ phase: 'signed-out' }),
    });
    return {
      api: createParleyApi(http),
      adminApi: createAdminApi(http),
      mediaApi: createMediaApi(http),
    };
  }, []);

  const signedIn = useCallback((session: SignInResponse) => {
    setLanguage(session.user.language);
    setState({ phase: 'signed-in', session });
  }, []);

  useEffect(() => {
    let current = true;
    void api.restoreSession().then((session) => {
      if (!current) return;
      if (session) signedIn(session);
      else setState({ phase: 'signed-out' });
    });
    return () => {
      current = false;
    };
  }, [api, signedIn]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'app.name');
  }, [language]);

  const signOut = useCallback(() => {
    void api.signOut().finally(() => setState({ phase: 'signed-out' }));
  }, [api]);

  return (
    <I18nProvider language={language} onLanguageChange={setLanguage}>
      {state.phase === 'restoring' && (
        <p className="splash" role="status">
          {translate(language, 'app.loading')}
        </p>
      )}
      {state.phase === 'signed-out' && <SignInPage api={api} onSignedIn={signedIn} />}
      {state.phase === 'signed-in' && (
        <MessengerScreen
          api={api}
          adminApi={adminApi}
          mediaApi={mediaApi}
          session={state.session}
          onSignOut={signOut}
        />
      )}
    </I18nProvider>
  );
}
