// Startup: restore the device's session (works offline), else show sign-in; then open the
// store, start sync, and render the shell.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignIn } from '../features/auth/components/SignIn';
import { Unlock } from '../features/auth/components/Unlock';
import type { LocalizedText } from '../../shared/domain/errors';
import type { SignInRequest } from '../features/auth/components/SignIn';
import { getPlatform } from '../platform';
import { Notice } from '../ui/Notice';
import type { AppServices, LockedStart } from './bootstrap';
import { restoreSession, signIn } from './bootstrap';
import { followDeepLinks } from './router';
import { ServicesProvider } from './services';
import { Shell } from './Shell';
import { AppLock } from '../features/auth/components/AppLock';
import { useLockStore } from '../features/auth/lock/lock-store';
import { wipeNotice } from '../data/device/wipe';
import type { WipeReason } from '../data/device/wipe';

type Phase =
  | { kind: 'starting' }
  | { kind: 'signedOut'; notice: WipeReason | null }
  | { kind: 'locked'; start: LockedStart }
  | { kind: 'ready'; services: AppServices }
  | { kind: 'failed'; message: string };

export const App = () => {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });

  // A revoked device says why on the sign-in screen, also after a restart.
  const onSignedOut = (reason: WipeReason) =>
    setPhase({ kind: 'signedOut', notice: reason === 'revoked' ? reason : null });

  // fairlead://<record>/<id> from the OS opens that record (Electron delivers it over IPC).
  useEffect(() => followDeepLinks(getPlatform()), []);

  useEffect(() => {
    let cancelled = false;
    restoreSession(onSignedOut).then(
      (services) => {
        if (cancelled) return;
        if (services === null) setPhase({ kind: 'signedOut', notice: wipeNotice() });
        else if ('locked' in services) setPhase({ kind: 'locked', start: services });
        else setPhase({ kind: 'ready', services });
      },
      (error: unknown) => {
        if (!cancelled) setPhase({ kind: 'failed', message: (error as Error).message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const onSignIn = async (request: SignInRequest): Promise<LocalizedText | null> => {
    const result = await signIn(request, onSignedOut);
    if (!result.ok) return result.message;
    // A fresh sign-in starts unlocked, whatever an earlier session left behind.
    useLockStore.getState().unlock();
    setPhase({ kind: 'ready', services: result.services });
    return null;
  };

  switch (phase.kind) {
    case 'starting':
      return <p className="signin">{t('app.loading')}</p>;
    case 'failed':
      return (
        <div className="signin">
          <Notice kind="error">{t('errors.storeUnavailable', { message: phase.message })}</Notice>
        </div>
      );
    case 'signedOut':
      return <SignIn onSignIn={onSignIn} notice={phase.notice} />;
    case 'locked':
      return (
        <Unlock
          userName={phase.start.user.name}
          onUnlock={async (password) => {
            const result = await phase.start.unlock(password);
            if (!result.ok) return result.message;
            setPhase({ kind: 'ready', services: result.services });
            return null;
          }}
          onSignInAgain={() => setPhase({ kind: 'signedOut', notice: null })}
        />
      );
    case 'ready':
      return (
        <ServicesProvider services={phase.services}>
          <AppLock>
            <Shell />
          </AppLock>
        </ServicesProvider>
      );
  }
};
