// The start of the browser build for a signed-in seller: the device's records are encrypted
// with a key that only the seller's password unwraps, checked here offline.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../shared/domain/errors';
import { localizedText } from '../../../i18n/localized';
import { Button } from '../../../ui/Button';
import { PasswordField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';

type Props = {
  userName: string;
  /** Resolves to an error in plain words (each UI language), or null once unlocked. */
  onUnlock: (password: string) => Promise<LocalizedText | null>;
  /** A password changed at the office: sign in again with the new one. */
  onSignInAgain: () => void;
};

export const Unlock = ({ userName, onUnlock, onSignInAgain }: Props) => {
  const { t, i18n } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LocalizedText | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const message = await onUnlock(password);
    setBusy(false);
    if (message !== null) setError(message);
  };

  return (
    <main className="signin panel">
      <h1>{t('auth.unlockTitle')}</h1>
      <p className="hint">{t('auth.unlockIntro', { name: userName })}</p>
      <form onSubmit={(e) => void submit(e)} aria-label={t('auth.unlockTitle')}>
        <PasswordField
          label={t('auth.password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
        {error ? <Notice kind="error">{localizedText(error, i18n.language)}</Notice> : null}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('auth.unlocking') : t('auth.unlock')}
        </Button>
        <Button type="button" onClick={onSignInAgain} disabled={busy}>
          {t('auth.signInAgain')}
        </Button>
      </form>
    </main>
  );
};
