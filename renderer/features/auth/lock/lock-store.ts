// Whether the app is locked, and when the seller last touched it. Kept in this browser's
// storage so a reload or a restart after the idle time opens locked too; a wipe removes it.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

type LockState = {
  locked: boolean;
  lastActiveAt: number;
  /** Wrong passwords in a row, and until when the lock refuses to check another one. */
  failures: number;
  waitUntil: number;
  lock: () => void;
  unlock: () => void;
  touch: (at: number) => void;
  wrongPassword: (at: number) => void;
};

// Guessing on a found laptop: after a few wrong passwords each further try waits longer.
const freeTries = 5;
export const waitAfterFailure = (failures: number): number =>
  failures < freeTries ? 0 : Math.min(2 ** (failures - freeTries) * 30_000, 15 * 60_000);

export const useLockStore = create<LockState>()(
  persist(
    (set) => ({
      locked: false,
      lastActiveAt: Date.now(),
      failures: 0,
      waitUntil: 0,
      lock: () => set({ locked: true }),
      unlock: () => set({ locked: false, lastActiveAt: Date.now(), failures: 0, waitUntil: 0 }),
      touch: (lastActiveAt) => set({ lastActiveAt }),
      wrongPassword: (at) =>
        set((s) => ({
          failures: s.failures + 1,
          waitUntil: at + waitAfterFailure(s.failures + 1),
        })),
    }),
    {
      name: 'fairlead.lock',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        locked: s.locked,
        lastActiveAt: s.lastActiveAt,
        failures: s.failures,
        waitUntil: s.waitUntil,
      }),
    },
  ),
);

/** True once `minutes` have passed since the last activity. */
export const idleExpired = (lastActiveAt: number, minutes: number, now: number): boolean =>
  now - lastActiveAt >= minutes * 60_000;
