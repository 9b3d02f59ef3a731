// Whether the app is locked, and when the seller last touched it. Kept in this browser's
// storage so a reload or a restart after the idle time opens locked too; a wipe removes it.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

type LockState = {
  locked: boolean;
  lastActiveAt: number;
  lock: () => void;
  unlock: () => void;
  touch: (at: number) => void;
};

export const useLockStore = create<LockState>()(
  persist(
    (set) => ({
      locked: false,
      lastActiveAt: Date.now(),
      lock: () => set({ locked: true }),
      unlock: () => set({ locked: false, lastActiveAt: Date.now() }),
      touch: (lastActiveAt) => set({ lastActiveAt }),
    }),
    {
      name: 'fairlead.lock',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ locked: s.locked, lastActiveAt: s.lastActiveAt }),
    },
  ),
);

/** True once `minutes` have passed since the last activity. */
export const idleExpired = (lastActiveAt: number, minutes: number, now: number): boolean =>
  now - lastActiveAt >= minutes * 60_000;
