// Locks the app after the configured idle time. Activity is any key, pointer, wheel or touch
// on the page; a hidden tab's timers may sleep, so coming back checks at once.
import { useEffect } from 'react';
import { useUiStore } from '../../../app/ui-store';
import { idleExpired, useLockStore } from './lock-store';

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
// Writing the time on every mouse move would hammer storage; a few seconds is precise enough.
const touchEveryMs = 5_000;
const checkEveryMs = 1_000;

export const useIdleLock = (): boolean => {
  const minutes = useUiStore((s) => s.lockAfterMinutes);
  const locked = useLockStore((s) => s.locked);
  useEffect(() => {
    const store = useLockStore.getState;
    const check = () => {
      const { locked: isLocked, lastActiveAt, lock } = store();
      if (!isLocked && idleExpired(lastActiveAt, minutes, Date.now())) lock();
    };
    // Opened after the idle time (a restart, a reload of a sleeping laptop): locked at once.
    check();
    const onActivity = () => {
      const { locked: isLocked, lastActiveAt, touch } = store();
      if (isLocked) return;
      const now = Date.now();
      if (idleExpired(lastActiveAt, minutes, now)) return check();
      if (now - lastActiveAt >= touchEveryMs) touch(now);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    // Another window of the app locked, unlocked or was used: this one follows.
    const onStorage = (event: StorageEvent) => {
      if (event.key === useLockStore.persist.getOptions().name) {
        void useLockStore.persist.rehydrate();
      }
    };
    window.addEventListener('storage', onStorage);
    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true });
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(check, checkEveryMs);
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, onActivity);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('storage', onStorage);
      clearInterval(timer);
    };
  }, [minutes]);
  return locked;
};
