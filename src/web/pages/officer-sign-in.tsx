import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, citizenSignInUrl, signInOfficer } from '../api.ts';
import { useI18n, useSession } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { usePageTitle } from '../layout.tsx';
import { navigate } from '../router.tsx';

export function OfficerSignInPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  usePageTitle(t('officer.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [isTotpShown, setTotpShown] = useState(false);
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  // Counts the server's requests for a code, so focus moves to the code field after each one.
  const [totpPrompts, setTotpPrompts] = useState(0);
  useEffect(() => {
    if (totpPrompts > 0) totpRef.current?.focus();
  }, [totpPrompts]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      // A fresh token: the session (and its CSRF token) may have changed since the page loaded.
      await refresh();
      await signInOfficer({ username: username.trim(), password, ...(isTotpShown && totp ? { totp: totp.trim() } : {}) });
      await refresh();
      navigate('/tai-khoan');
    } catch (caught) {
      setError(describeError(caught, t));
      if (caught instanceof ApiError && (caught.code === 'TOTP_REQUIRED' || caught.code === 'TOTP_INVALID')) {
        setTotpShown(true);
        setTotp('');
        setTotpPrompts((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('officer.title')}</h1>
      <p className="lead">{t('officer.intro')}</p>
      <div role="alert" aria-live="assertive" className={error ? 'alert alert-error' : 'visually-empty'}>
        {error}
      </div>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate={false}>
        <div className="field">
          <label htmlFor="username">{t('officer.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('officer.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {isTotpShown && (
          <div className="field">
            <label htmlFor="totp">{t('officer.totp')}</label>
            <p id="totp-hint" className="hint">
              {t('officer.totpHint')}
            </p>
            <input
              id="totp"
              ref={totpRef}
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              aria-describedby="totp-hint"
              value={totp}
              onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
            />
          </div>
        )}
        <button type="submit" className="button button-primary button-block" disabled={isBusy}>
          {isBusy ? t('officer.submitting') : t('officer.submit')}
        </button>
      </form>
      <p className="aside-link">
        <a href={citizenSignInUrl}>{t('officer.citizenInstead')}</a>
      </p>
    </div>
  );
}
