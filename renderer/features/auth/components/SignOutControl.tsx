// Sign-out: the store and keys leave the device with it. While changes have not reached the
// office it refuses and says how many; only an explicit "discard N changes" goes on.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import { useSignOut } from '../commands';

type Refusal = { pending: number; rejected: number };

export const SignOutControl = ({ label }: { label?: string }) => {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (discardUnsynced: boolean) => {
    setBusy(true);
    const outcome = await signOut({ discardUnsynced });
    // Signed out: this component is gone with the session.
    if (outcome.ok) return;
    setBusy(false);
    setRefusal({ pending: outcome.pending, rejected: outcome.rejected });
  };
  const count = refusal === null ? 0 : refusal.pending + refusal.rejected;
  return (
    <div className="sign-out">
      {refusal === null ? (
        <Button variant="danger" disabled={busy} onClick={() => void run(false)}>
          {busy ? t('auth.signingOut') : (label ?? t('app.signOut'))}
        </Button>
      ) : (
        <>
          <Notice kind="error">
            {t('auth.unsyncedChanges', { count })}{' '}
            {refusal.rejected > 0 ? t('auth.refusedAmong', { count: refusal.rejected }) : null}
          </Notice>
          <div className="toolbar">
            <Button variant="danger" disabled={busy} onClick={() => void run(true)}>
              {t('auth.discardAndSignOut', { count })}
            </Button>
            <Button disabled={busy} onClick={() => setRefusal(null)}>
              {t('auth.keepChanges')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
};
