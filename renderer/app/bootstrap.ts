// Opening a signed-in device: session (restored offline, or a fresh sign-in), the user's
// store, document numbering, replication, and the typed services the UI uses.
import i18next from 'i18next';
import { createFairleadDatabase } from '../data/database';
import type { FairleadDatabase } from '../data/database';
import { preparePipeline } from '../data/queries/pipeline';
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
  const db: FairleadDatabase = await createFairleadDatabase({ name: databaseName(session) });
  await rememberSession(db, session);
  await setupNumbering(db, session.device.series, session.device.lastNumbers);
  // Both read their saved state back in the background: the list paints meanwhile.
  void prepareSearch(db);
  void preparePipeline(db);
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

/** The cached session's services (works offline), or null when nobody is signed in. */
export const restoreSession = async (onSignedOut: () => void): Promise<AppServices | null> => {
  // Made at the first start, before any sign-in needs it.
  await installationId();
  const session = await restoreDeviceSession(getPlatform());
  return session ? openServices(session, onSignedOut) : null;
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
  return { ok: true, services: await openServices(result.value, onSignedOut) };
};
