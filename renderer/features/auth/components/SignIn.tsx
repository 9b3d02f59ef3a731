// The sign-in screen: needed once per device while online; the app then works offline.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WipeReason } from '../../../data/device/wipe';
import type { LocalizedText } from '../../../../shared/domain/errors';
import { effectiveServerUrl, useUiStore } from '../../../app/ui-store';
import { Button } from '../../../ui/Button';
import { PasswordField, TextField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { LanguageField } from '../../settings/components/LanguageField';
import { localizedText } from '../../../i18n/localized';

export type SignInRequest = {
  serverUrl: string;
  email: string;
  password: string;
  deviceName: string;
};

type Props = {
  /** Resolves to an error message in plain words (each UI language), or null on success. */
  onSignIn: (request: SignInRequest) => Promise<LocalizedText | null>;
  /** Why the device was wiped: the office revoked it. */
  notice?: WipeReason | null;
};

// Kept as the key or the text of every language, so switching language re-words it.
type SignInError = { key: string } | { text: LocalizedText };

const defaultDeviceName = (): string => {
  const platform = navigator.platform || 'Device';
  return `${platform} ${new Date().toISOString().slice(0, 10)}`;
};

export const SignIn = ({ onSignIn, notice = null }: Props) => {
  const { t, i18n } = useTranslation();
  const { serverUrl, setServerUrl } = useUiStore();
  const [server, setServer] = useState(serverUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SignInError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!navigator.onLine) {
      setError({ key: 'auth.offline' });
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
    if (message !== null) setError({ text: message });
  };

  return (
    <main className="signin panel">
      <h1>{t('auth.title')}</h1>
      {notice === 'revoked' ? <Notice kind="error">{t('auth.deviceRevoked')}</Notice> : null}
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
        <PasswordField
          label={t('auth.password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
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
        {error ? (
          <Notice kind="error">
            {'key' in error
              ? t(error.key)
              : t('auth.failed', { message: localizedText(error.text, i18n.language) })}
          </Notice>
        ) : null}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </Button>
      </form>
    </main>
  );
};
