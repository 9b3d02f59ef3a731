// Opening a signed-in device: session (restored offline, or a fresh sign-in), the user's
// store, document numbering, replication, and the typed services the UI uses.
import i18next from 'i18next';
import { removeRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createFairleadDatabase } from '../data/database';
import type { StoreKeyHolder } from '../data/encryption/store-key';
import { createStoreKeyHolder } from '../data/encryption/store-key';
import type { FairleadDatabase } from '../data/database';
import { prepareSearch } from '../data/search/search';
import { startReplication } from '../data/sync/replication';
import type { SyncEngine } from '../data/sync/replication';
import { ensureInstallationId } from '../data/installation';
import { shareSyncStatus } from '../data/sync/shared-status';
import type { SharedSyncStatus } from '../data/sync/shared-status';
import type { DeviceSession } from '../data/sync/session';
import {
  rememberSession,
  renameDevice,
  restoreSession as restoreDeviceSession,
  signIn as signInDevice,
  signOut as signOutDevice,
  tokenGetter,
} from '../data/sync/session';
import { setupNumbering } from '../data/numbering-store';
import { getPlatform } from '../platform';
import type { LocalizedText, Result } from '../../shared/domain/errors';
import { fail, ok } from '../../shared/domain/errors';
import type { SyncCollection } from '../../shared/sync/protocol';
import type { AppServices, DevicePort } from './store-port';
import { createStoreCommands } from './store-commands';
import { createStoreQueries } from './store-queries';

export type { AppServices } from './store-port';

export type SignInRequest = {
  serverUrl: string;
  email: string;
  password: string;
  deviceName: string;
};

const language = (): 'en' | 'it' => (i18next.language?.startsWith('it') ? 'it' : 'en');

// One IndexedDB database per server and user: two sellers on one laptop never mix records.
const databaseName = (session: DeviceSession): string => {
  let hash = 0x811c9dc5;
  for (const ch of `${session.serverUrl}|${session.user.id}`) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `fairlead_${hash.toString(36)}`;
};

const storeKeys = new Map<string, StoreKeyHolder>();

/**
 * The key holder of a signed-in user's store: sign-out and a remote wipe call its forget()
 * (with the store removed), the app lock its lock() and unlock(password).
 */
export const storeKeyOf = (session: DeviceSession): StoreKeyHolder => {
  const name = databaseName(session);
  let holder = storeKeys.get(name);
  if (holder === undefined) {
    holder = createStoreKeyHolder({ platform: getPlatform(), storeName: name });
    storeKeys.set(name, holder);
  }
  return holder;
};

/** A start that waits for the seller's password to unwrap the store's key (browser build). */
export type LockedStart = {
  readonly locked: true;
  readonly user: DeviceSession['user'];
  unlock(
    password: string,
  ): Promise<{ ok: true; services: AppServices } | { ok: false; message: LocalizedText }>;
};

// A refused change the device could not save again or give up stays listed; say so plainly.
const keptRefusal = async (
  action: () => Promise<void>,
  code: string,
  en: string,
  it: string,
): Promise<Result<void>> => {
  try {
    await action();
    return ok(undefined);
  } catch (error) {
    console.error(error);
    return fail(code, en, it);
  }
};

const syncPort = (engine: SyncEngine, shared: SharedSyncStatus): AppServices['sync'] => ({
  status$: shared.status$,
  syncNow: async () => {
    shared.syncNow();
    return ok(undefined);
  },
  retry: (collection, id) =>
    keptRefusal(
      () => engine.retryRejected(collection as SyncCollection, id),
      'sync.retry_failed',
      'The change could not be saved again on this device. It is still listed; please try again.',
      'Non è stato possibile salvare di nuovo la modifica su questo dispositivo. Resta in elenco: riprova.',
    ),
  discard: (collection, id) =>
    keptRefusal(
      () => engine.discardRejected(collection as SyncCollection, id),
      'sync.discard_failed',
      'The change could not be discarded on this device. It is still listed; please try again.',
      'Non è stato possibile annullare la modifica su questo dispositivo. Resta in elenco: riprova.',
    ),
});

const devicePort = (db: FairleadDatabase, session: DeviceSession): DevicePort => {
  let current = session;
  // A session cached by an older release has no device name yet.
  const label = () => ({
    name: (current.device as { name?: string }).name ?? '',
    series: current.device.series,
  });
  return {
    current: label,
    rename: async (name) => {
      const renamed = await renameDevice(getPlatform(), current, name);
      if (!renamed.ok) return { ok: false, error: renamed.error };
      current = renamed.value;
      await rememberSession(db, current);
      return ok(label());
    },
  };
};

/** This computer's installation id; undefined when no storage keeps it (signs in by name). */
const installationId = (): Promise<string | undefined> =>
  ensureInstallationId(getPlatform()).catch(() => undefined);

const openServices = async (
  session: DeviceSession,
  onSignedOut: () => void,
): Promise<AppServices> => {
  const platform = getPlatform();
  const db: FairleadDatabase = await createFairleadDatabase({
    name: databaseName(session),
    dataKey: storeKeyOf(session).current(),
  });
  await rememberSession(db, session);
  await setupNumbering(db, session.device.series, session.device.lastNumbers);
  void prepareSearch(db);
  const engine = await startReplication(db, {
    serverUrl: session.serverUrl,
    getToken: tokenGetter(platform),
    actorId: session.user.id,
  });
  const shared = shareSyncStatus(db, engine);
  return {
    user: session.user,
    queries: createStoreQueries(db),
    commands: createStoreCommands(db, session),
    sync: syncPort(engine, shared),
    device: devicePort(db, session),
    signOut: async () => {
      let result = await signOutDevice(platform, {
        status: shared.current(),
        serverUrl: session.serverUrl,
      });
      if (!result.ok) {
        // Unsynced work would be lost: only a clear yes from the person goes on.
        if (!window.confirm(result.error.message[language()])) return;
        result = await signOutDevice(platform, {
          status: shared.current(),
          serverUrl: session.serverUrl,
          force: true,
        });
      }
      shared.stop();
      await engine.stop();
      await db.close();
      onSignedOut();
    },
  };
};

/**
 * The cached session's services (works offline); a locked start when the store's key needs
 * the seller's password first; null when nobody is signed in.
 */
export const restoreSession = async (
  onSignedOut: () => void,
): Promise<AppServices | LockedStart | null> => {
  // Made at the first start, before any sign-in needs it.
  await installationId();
  const session = await restoreDeviceSession(getPlatform());
  if (!session) return null;
  const key = storeKeyOf(session);
  if (key.needsPassword && key.current() === null) {
    return {
      locked: true,
      user: session.user,
      unlock: async (password) => {
        const unlocked = await key.unlock(password);
        if (!unlocked.ok) return { ok: false, message: unlocked.error.message };
        return { ok: true, services: await openServices(session, onSignedOut) };
      },
    };
  }
  const unlocked = await key.unlock();
  if (!unlocked.ok) throw new Error(unlocked.error.message[language()]);
  return openServices(session, onSignedOut);
};

export const signIn = async (
  request: SignInRequest,
  onSignedOut: () => void,
): Promise<{ ok: true; services: AppServices } | { ok: false; message: LocalizedText }> => {
  const id = await installationId();
  const result = await signInDevice(getPlatform(), {
    ...request,
    ...(id === undefined ? {} : { installationId: id }),
  });
  if (!result.ok) return { ok: false, message: result.error.message };
  // The server has just accepted this password: a key wrapped with an earlier one is
  // replaced, and the store it sealed (unreadable now) removed before a fresh download.
  const key = storeKeyOf(result.value);
  const unlocked = await key.unlock(request.password, { replaceUnreadable: true });
  if (!unlocked.ok) return { ok: false, message: unlocked.error.message };
  if (unlocked.value.replaced) {
    await removeRxDatabase(databaseName(result.value), getRxStorageDexie());
  }
  return { ok: true, services: await openServices(result.value, onSignedOut) };
};
