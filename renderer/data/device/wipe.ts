// Removing what a seller's work left on this device: on sign-out, and when the office revoked
// the device. The sweep is generic — every IndexedDB database of this origin, every local entry
// of the app, every cache — so stores and keys added later go with it unless kept on purpose.
// The store's data key is forgotten by its holder just before (app/bootstrap.ts).
import type { Platform } from '../../../shared/platform';
import { DEVICE_STORE_NAME } from '../installation';
import { SESSION_KEY, TOKEN_KEY } from '../sync/session';
import { PASSWORD_CHECK_KEY } from './password-check';

export type WipeReason = 'signed_out' | 'revoked';

/** The platform secrets the app keeps (the desktop app's keyring cannot be listed). */
export const deviceSecretKeys: readonly string[] = [TOKEN_KEY, SESSION_KEY, PASSWORD_CHECK_KEY];

// Kept: the installation id (no personal data; the server knows the device by it) and the
// interface settings (language, server address), so the sign-in screen still speaks the
// seller's language and finds the office.
const keptDatabase = (name: string): boolean =>
  name === DEVICE_STORE_NAME || name.startsWith(`rxdb-dexie-${DEVICE_STORE_NAME}--`);
const keptLocalEntries: readonly string[] = ['fairlead.ui'];

/** Why the device was wiped, shown on the sign-in screen until the next sign-in. */
export const WIPE_NOTICE_KEY = 'fairlead.wipe-notice';

export type WipeEnvironment = {
  platform: Pick<Platform, 'deleteSecret'>;
  indexedDB?: IDBFactory;
  localStorage?: Storage;
  sessionStorage?: Storage;
  caches?: CacheStorage;
};

export type WipeReport = {
  /** IndexedDB databases deleted. */
  databases: string[];
  /** What could not be removed (a database another window holds open, a refused secret). */
  failures: string[];
};

const deleteDatabase = (idb: IDBFactory, name: string): Promise<boolean> =>
  new Promise((resolve) => {
    const request = idb.deleteDatabase(name);
    request.onsuccess = () => resolve(true);
    request.onerror = () => resolve(false);
    // Another window still holds it: Dexie there closes on the version change and onsuccess
    // follows. A window that never lets go is reported; the deletion stays queued.
    request.onblocked = () => setTimeout(() => resolve(false), 10_000);
  });

const clearStorage = (storage: Storage | undefined, kept: readonly string[]): void => {
  if (storage === undefined) return;
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (key): key is string => key !== null && !kept.includes(key),
  );
  for (const key of keys) storage.removeItem(key);
};

const defaults = (): Omit<WipeEnvironment, 'platform'> => ({
  indexedDB: globalThis.indexedDB,
  localStorage: globalThis.localStorage,
  sessionStorage: globalThis.sessionStorage,
  caches: globalThis.caches,
});

/**
 * Deletes the seller's stores, keys and cached data from this device. Close the open store
 * first. Resolves once everything that could be removed is gone.
 */
export const wipeDevice = async (
  reason: WipeReason,
  environment: WipeEnvironment,
): Promise<WipeReport> => {
  const env = { ...defaults(), ...environment };
  const report: WipeReport = { databases: [], failures: [] };
  for (const key of deviceSecretKeys) {
    const removed = await env.platform.deleteSecret(key);
    if (!removed.ok) report.failures.push(`secret ${key}`);
  }
  if (env.indexedDB !== undefined) {
    const names = (await env.indexedDB.databases())
      .map((info) => info.name)
      .filter((name): name is string => name !== undefined && !keptDatabase(name));
    for (const name of names) {
      if (await deleteDatabase(env.indexedDB, name)) report.databases.push(name);
      else report.failures.push(`database ${name}`);
    }
  }
  clearStorage(env.localStorage, keptLocalEntries);
  clearStorage(env.sessionStorage, []);
  if (env.caches !== undefined) {
    for (const name of await env.caches.keys()) await env.caches.delete(name);
  }
  if (reason === 'revoked') env.localStorage?.setItem(WIPE_NOTICE_KEY, reason);
  return report;
};

/** The reason of the last wipe, if it should still be shown; read once at the sign-in screen. */
export const wipeNotice = (
  storage: Storage | undefined = globalThis.localStorage,
): WipeReason | null => (storage?.getItem(WIPE_NOTICE_KEY) === 'revoked' ? 'revoked' : null);

export const clearWipeNotice = (storage: Storage | undefined = globalThis.localStorage): void =>
  storage?.removeItem(WIPE_NOTICE_KEY);
