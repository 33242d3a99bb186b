import type { SignInResponse } from '@parley/contracts';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { describeError } from '../api/describe-error';
import type { ParleyApi } from '../api/parley-api';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageToggle } from '../i18n/LanguageToggle';
import './sign-in.css';

/** Email and password (U1); the access token stays in memory, the refresh token in a cookie. */
export function SignInPage(props: {
  api: ParleyApi;
  onSignedIn: (session: SignInResponse) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      props.onSignedIn(await props.api.signIn(email.trim(), password));
    } catch (failure) {
      setError(
        failure instanceof ApiError && (failure.status === 401 || failure.status === 403)
          ? t('signIn.failed')
          : describeError(failure, t),
      );
      setSubmitting(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in__language">
        <LanguageToggle />
      </div>
      <form className="sign-in__form" onSubmit={submit}>
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        <label className="field">
          <span className="field__label">{t('signIn.email')}</span>
          <input
            className="field__input"
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            data-testid="signin-email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('signIn.password')}</span>
          <input
            className="field__input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            data-testid="signin-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary button--wide"
          data-testid="signin-submit"
          disabled={submitting}
        >
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
