// The sign-in screen: needed once per device while online; the app then works offline.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveServerUrl, useUiStore } from '../../../app/ui-store';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { LanguageField } from '../../settings/components/LanguageField';

export type SignInRequest = {
  serverUrl: string;
  email: string;
  password: string;
  deviceName: string;
};

type Props = {
  /** Resolves to an error message in plain words, or null on success. */
  onSignIn: (request: SignInRequest) => Promise<string | null>;
};

const defaultDeviceName = (): string => {
  const platform = navigator.platform || 'Device';
  return `${platform} ${new Date().toISOString().slice(0, 10)}`;
};

export const SignIn = ({ onSignIn }: Props) => {
  const { t } = useTranslation();
  const { serverUrl, setServerUrl } = useUiStore();
  const [server, setServer] = useState(serverUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!navigator.onLine) {
      setError(t('auth.offline'));
      return;
    }
    setBusy(true);
    setError(null);
    setServerUrl(server);
    const message = await onSignIn({
      serverUrl: effectiveServerUrl(server.trim().replace(/\/+$/, '')),
      email: email.trim(),
      password,
      deviceName: deviceName.trim() || defaultDeviceName(),
    });
    setBusy(false);
    if (message !== null) setError(t('auth.failed', { message }));
  };

  return (
    <main className="signin panel">
      <h1>{t('auth.title')}</h1>
      <p className="hint">{t('auth.intro')}</p>
      <form onSubmit={(e) => void submit(e)} aria-label={t('auth.title')}>
        <TextField
          label={t('auth.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="username"
          autoFocus
          required
        />
        <TextField
          label={t('auth.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <TextField
          label={t('auth.deviceName')}
          value={deviceName}
          onChange={(e) => setDeviceName(e.target.value)}
        />
        <TextField
          label={t('auth.server')}
          hint={t('settings.serverHint')}
          type="url"
          value={server}
          placeholder={effectiveServerUrl('')}
          onChange={(e) => setServer(e.target.value)}
        />
        <LanguageField />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </Button>
      </form>
    </main>
  );
};
