// The app lock: after the idle time a full-screen lock covers the app, and what is behind it
// is neither painted nor reachable (inert). Sync goes on underneath; the password is checked
// on the device, so it opens offline.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { PasswordField } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useSession } from '../queries';
import { useLockPort } from '../commands';
import { useIdleLock } from '../lock/use-idle-lock';
import { useLockStore } from '../lock/lock-store';
import { SignOutControl } from './SignOutControl';
import { SyncStatus } from '../../sync/components/SyncStatus';

const LockScreen = () => {
  const { t } = useTranslation();
  const session = useSession();
  const lock = useLockPort();
  const { unlock, wrongPassword, waitUntil } = useLockStore();
  const [now, setNow] = useState(() => Date.now());
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [offlineCheck, setOfflineCheck] = useState<boolean | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [waitUntil]);

  // A modal dialog of its own: it goes above any dialog the seller left open, which would
  // otherwise make the lock itself inert.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let live = true;
    void lock?.canUnlockOffline().then((can) => live && setOfflineCheck(can));
    return () => {
      live = false;
    };
  }, [lock]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (lock === null || password === '' || waitUntil > Date.now()) return;
    setBusy(true);
    setWrong(false);
    const verdict = await lock.unlock(password);
    setBusy(false);
    setPassword('');
    if (verdict === 'correct') unlock();
    else {
      wrongPassword(Date.now());
      setNow(Date.now());
      setWrong(true);
    }
  };

  return (
    <dialog
      ref={ref}
      className="app-lock"
      aria-labelledby="app-lock-title"
      onCancel={(event) => event.preventDefault()}
    >
      <div className="signin panel">
        <h1 id="app-lock-title">{t('lock.title')}</h1>
        {session ? (
          <p>{t('app.signedInAs', { name: `${session.user.name} <${session.user.email}>` })}</p>
        ) : null}
        <p className="hint">{t('lock.intro')}</p>
        {offlineCheck === false ? (
          <Notice kind="info">{t('lock.noOfflineCheck')}</Notice>
        ) : (
          <form onSubmit={(e) => void submit(e)} aria-label={t('lock.title')}>
            <PasswordField
              label={t('auth.password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoFocus
            />
            {wrong ? <Notice kind="error">{t('lock.wrongPassword')}</Notice> : null}
            {waitSeconds > 0 ? (
              <Notice kind="info">{t('lock.tooManyTries', { count: waitSeconds })}</Notice>
            ) : null}
            <Button type="submit" variant="primary" disabled={busy || waitSeconds > 0}>
              {busy ? t('lock.checking') : t('lock.unlock')}
            </Button>
          </form>
        )}
        {signingOut || offlineCheck === false ? (
          <SignOutControl label={t('lock.signOutInstead')} />
        ) : (
          <Button variant="ghost" onClick={() => setSigningOut(true)}>
            {t('lock.signOutInstead')}
          </Button>
        )}
        <SyncStatus />
      </div>
    </dialog>
  );
};

/** The signed-in app, behind the lock when idle. */
export const AppLock = ({ children }: { children: ReactNode }) => {
  const locked = useIdleLock();
  return (
    <>
      <div className={locked ? 'locked-content' : undefined} inert={locked} aria-hidden={locked}>
        {children}
      </div>
      {locked ? <LockScreen /> : null}
    </>
  );
};

/** Locks the app at once (leaving the booth for a minute). */
export const LockButton = () => {
  const { t } = useTranslation();
  const lock = useLockStore((s) => s.lock);
  return (
    <Button variant="ghost" onClick={lock}>
      {t('lock.lockNow')}
    </Button>
  );
};
