// Opening a signed-in device: session (restored offline, or a fresh sign-in), the user's
// store, document numbering, replication, and the typed services the UI uses.
import i18next from 'i18next';
import { createFairleadDatabase } from '../data/database';
import type { FairleadDatabase } from '../data/database';
import { prepareSearch } from '../data/search/search';
import { startReplication } from '../data/sync/replication';
import type { SyncEngine } from '../data/sync/replication';
import { shareSyncStatus } from '../data/sync/shared-status';
import type { SharedSyncStatus } from '../data/sync/shared-status';
import type { DeviceSession } from '../data/sync/session';
import {
  rememberSession,
  restoreSession as restoreDeviceSession,
  signIn as signInDevice,
  signOut as signOutDevice,
  tokenGetter,
} from '../data/sync/session';
import { setupNumbering } from '../data/numbering-store';
import { getPlatform } from '../platform';
import type { SyncCollection } from '../../shared/sync/protocol';
import type { AppServices } from './store-port';
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

const ok = <T>(value: T) => ({ ok: true as const, value });

const syncPort = (engine: SyncEngine, shared: SharedSyncStatus): AppServices['sync'] => ({
  status$: shared.status$,
  syncNow: async () => {
    shared.syncNow();
    return ok(undefined);
  },
  retry: async (collection, id) => {
    await engine.retryRejected(collection as SyncCollection, id);
    return ok(undefined);
  },
  discard: async (collection, id) => {
    await engine.discardRejected(collection as SyncCollection, id);
    return ok(undefined);
  },
});

const openServices = async (
  session: DeviceSession,
  onSignedOut: () => void,
): Promise<AppServices> => {
  const platform = getPlatform();
  const db: FairleadDatabase = await createFairleadDatabase({ name: databaseName(session) });
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
  const session = await restoreDeviceSession(getPlatform());
  return session ? openServices(session, onSignedOut) : null;
};

export const signIn = async (
  request: SignInRequest,
  onSignedOut: () => void,
): Promise<{ ok: true; services: AppServices } | { ok: false; message: string }> => {
  const result = await signInDevice(getPlatform(), request);
  if (!result.ok) return { ok: false, message: result.error.message[language()] };
  return { ok: true, services: await openServices(result.value, onSignedOut) };
};
