import { useOptionalServices, useServices } from '../../app/services';
import type { LockPort, SignOutOutcome } from '../../app/store-port';

/** Sign-out that refuses while changes have not reached the office, unless discarded. */
export const useSignOut = (): ((options?: {
  discardUnsynced?: boolean;
}) => Promise<SignOutOutcome>) => useServices().signOut;

/** The app lock's offline password check; null before sign-in. */
export const useLockPort = (): LockPort | null => useOptionalServices()?.lock ?? null;
