// Opening a signed-in device: session (restored offline, or a fresh sign-in), the user's
// store, document numbering, replication, and the typed services the UI uses.
import i18next from 'i18next';
import { removeRxDatabase } from 'rxdb';
import { deviceDexieStorage } from '../data/dexie-storage';
import { createFairleadDatabase } from '../data/database';
import type { StoreKeyHolder } from '../data/encryption/store-key';
import { createStoreKeyHolder } from '../data/encryption/store-key';
import type { FairleadDatabase } from '../data/database';
import { prepareDashboard } from '../data/queries/dashboard';
import { preparePipeline } from '../data/queries/pipeline';
import { prepareSearch } from '../data/search/search';
import { createOfficeAdminClient } from '../data/office/admin-client';
import { startReplication } from '../data/sync/replication';
import type { SyncEngine } from '../data/sync/replication';
import { ensureInstallationId } from '../data/installation';
import { shareSyncStatus } from '../data/sync/shared-status';
import type { SharedSyncStatus } from '../data/sync/shared-status';
import type { DeviceSession } from '../data/sync/session';
import {
  rememberSession,
  renameDevice,
  refreshSession,
  restoreSession as restoreDeviceSession,
  signIn as signInDevice,
  signOut as signOutDevice,
  tokenGetter,
} from '../data/sync/session';
import { setupNumbering } from '../data/numbering-store';
import { canCheckPassword, checkPassword, rememberPassword } from '../data/device/password-check';
import { clearWipeNotice, wipeDevice } from '../data/device/wipe';
import type { WipeReason } from '../data/device/wipe';
import { getPlatform } from '../platform';
import type { LocalizedText, Result } from '../../shared/domain/errors';
import { fail, ok } from '../../shared/domain/errors';
import type { SyncCollection } from '../../shared/sync/protocol';
import type { AppServices, DevicePort } from './store-port';
import { createStoreCommands } from './store-commands';
import { createStoreQueries } from './store-queries';
import { mayOpen } from './navigation';

export type { AppServices } from './store-port';

export type SignInRequest = {
  serverUrl: string;
  email: string;
  password: string;
  deviceName: string;
};

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

const devicePort = (
  db: FairleadDatabase,
  session: DeviceSession,
  onDeviceRevoked: () => void,
): DevicePort => {
  let current = session;
  // A session cached by an older release has no device name yet.
  const label = () => ({
    name: (current.device as { name?: string }).name ?? '',
    series: current.device.series,
  });
  return {
    current: label,
    rename: async (name) => {
      const renamed = await renameDevice(getPlatform(), current, name, { onDeviceRevoked });
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

// Online, the changes still waiting get a few seconds to reach the office before sign-out
// counts them as unsynced.
const settlePending = async (shared: SharedSyncStatus, waitMs = 10_000): Promise<void> => {
  const now = shared.current();
  if (!now.online || (now.pending === 0 && now.rejected.length === 0)) return;
  shared.syncNow();
  let subscription: { unsubscribe(): void } | undefined;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    subscription = shared.status$.subscribe((status) => {
      if (status.pending === 0 || !status.online) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  subscription?.unsubscribe();
};

/** Called once the device is signed out; `revoked` when the office revoked it. */
export type SignedOutListener = (reason: WipeReason) => void;

const openServices = async (
  session: DeviceSession,
  onSignedOut: SignedOutListener,
): Promise<AppServices> => {
  const platform = getPlatform();
  const db: FairleadDatabase = await createFairleadDatabase({
    name: databaseName(session),
    dataKey: storeKeyOf(session).current(),
  });
  await rememberSession(db, session);
  await setupNumbering(db, session.device.series, session.device.lastNumbers);
  // Both read their saved state back in the background: the list paints meanwhile. A failed
  // start is not lost: every search and the pipeline await the same start and show its error.
  prepareSearch(db).catch(() => undefined);
  // A revocation may be answered while replication is still starting: the wipe waits for it.
  let revoked: (() => void) | null = null;
  const revocation = new Promise<void>((resolve) => (revoked = resolve));
  const onDeviceRevoked = () => revoked?.();
  preparePipeline(db).catch(() => undefined);
  // The dashboard's entries follow from the start where the role has a dashboard, so a first
  // sync builds them once and opening the dashboard reads them back.
  if (mayOpen(session.user.role, 'dashboard')) prepareDashboard(db).catch(() => undefined);
  const engine = await startReplication(db, {
    serverUrl: session.serverUrl,
    getToken: tokenGetter(platform),
    actorId: session.user.id,
    onDeviceRevoked,
    appVersion: await platform.appVersion().catch(() => 'unknown'),
  });
  const shared = shareSyncStatus(db, engine);
  // The token is renewed in the background once half its life has passed, without the
  // password; the app may stay open for days at a fair.
  let renewable = session;
  const renew = (): void => {
    refreshSession(platform, renewable)
      .then(async (next) => {
        if (next === renewable) return;
        renewable = next;
        await rememberSession(db, next);
      })
      .catch(() => undefined);
  };
  renew();
  const renewal = setInterval(renew, 6 * 3600 * 1000);
  // Sync stops and the store closes before anything is deleted, so nothing writes it again.
  let closing: Promise<void> | null = null;
  // A step that fails before the wipe is reported, and the wipe still happens.
  const beforeWipe = async (step: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      console.error(`${step} failed before the device wipe`, error);
    }
  };
  const closeAndWipe = (reason: WipeReason): Promise<void> =>
    (closing ??= (async () => {
      clearInterval(renewal);
      shared.stop();
      await beforeWipe('stopping the sync', () => engine.stop());
      await beforeWipe('closing the store', () => db.close());
      // The store's data key goes first: whatever a failed deletion leaves is unreadable.
      const forgotten = await storeKeyOf(session).forget();
      if (!forgotten.ok) console.error('the store key could not be removed', forgotten.error);
      const report = await wipeDevice(reason, { platform });
      if (report.failures.length > 0) console.error('device wipe incomplete', report.failures);
      onSignedOut(reason);
    })());
  // Nobody awaits a revocation's wipe: its failure is reported here instead of being lost.
  revocation
    .then(() => closeAndWipe('revoked'))
    .catch((error: unknown) => console.error('the device wipe after revocation failed', error));
  return {
    user: session.user,
    office: createOfficeAdminClient({
      serverUrl: session.serverUrl,
      getToken: tokenGetter(platform),
    }),
    queries: createStoreQueries(db),
    commands: createStoreCommands(db, session),
    sync: syncPort(engine, shared),
    device: devicePort(db, session, onDeviceRevoked),
    lock: {
      canUnlockOffline: () => canCheckPassword(platform),
      unlock: (password) => checkPassword(platform, password),
    },
    signOut: async (options = {}) => {
      if (options.discardUnsynced !== true) await settlePending(shared);
      const result = await signOutDevice(platform, {
        status: shared.current(),
        serverUrl: session.serverUrl,
        force: options.discardUnsynced === true,
      });
      // Unsynced work would be lost: only the seller's explicit discard goes on.
      if (!result.ok)
        return { ok: false, pending: result.error.pending, rejected: result.error.rejected };
      await closeAndWipe('signed_out');
      return { ok: true };
    },
  };
};

/**
 * The cached session's services (works offline); a locked start when the store's key needs
 * the seller's password first; null when nobody is signed in.
 */
export const restoreSession = async (
  onSignedOut: SignedOutListener,
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
  if (!unlocked.ok)
    throw new Error(unlocked.error.message[i18next.language === 'it' ? 'it' : 'en']);
  return openServices(session, onSignedOut);
};

export const signIn = async (
  request: SignInRequest,
  onSignedOut: SignedOutListener,
): Promise<{ ok: true; services: AppServices } | { ok: false; message: LocalizedText }> => {
  const id = await installationId();
  // The desktop app may connect only to the server it trusts (its CSP): naming another one
  // makes it the trusted one, and the window reloads under the new policy.
  const trusted = await getPlatform().trustSyncServer?.(request.serverUrl);
  if (trusted !== undefined && !trusted.ok)
    return { ok: false, message: { en: trusted.error, it: trusted.error } };
  if (trusted?.ok === true && trusted.value.reloading)
    return {
      ok: false,
      message: {
        en: `Fairlead now connects to ${trusted.value.origin}. Sign in again once the window has reloaded.`,
        it: `Fairlead ora si collega a ${trusted.value.origin}. Accedi di nuovo quando la finestra si è ricaricata.`,
      },
    };
  const result = await signInDevice(getPlatform(), {
    ...request,
    ...(id === undefined ? {} : { installationId: id }),
  });
  if (!result.ok) return { ok: false, message: result.error.message };
  // The server accepted this password: from now on the app lock checks it offline.
  if (!(await rememberPassword(getPlatform(), request.password))) {
    console.error('the password check for the app lock could not be stored');
  }
  clearWipeNotice();
  // The server has just accepted this password: a key wrapped with an earlier one is
  // replaced, and the store it sealed (unreadable now) removed before a fresh download.
  const key = storeKeyOf(result.value);
  const unlocked = await key.unlock(request.password, { replaceUnreadable: true });
  if (!unlocked.ok) return { ok: false, message: unlocked.error.message };
  if (unlocked.value.replaced) {
    await removeRxDatabase(databaseName(result.value), deviceDexieStorage());
  }
  return { ok: true, services: await openServices(result.value, onSignedOut) };
};
