// The device's local store: RxDB on Dexie (IndexedDB). Every write is checked against the
// collection's JSON schema, so bad data never enters the store.
import type { RxDatabase, RxStorage } from 'rxdb';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { deviceDexieStorage } from './dexie-storage';
import { wrappedEncryptedStorage } from './encryption/encrypted-storage';
import type { DataKey } from './encryption/record-cipher';
import { wrappedValidateZodStorage } from './schema/validate-zod';
import type { FairleadCollections } from './schema/collections';
import { collectionCreators } from './schema/collections';

export type { FairleadCollections } from './schema/collections';

export type FairleadDatabase = RxDatabase<FairleadCollections>;

export type DatabaseOptions = {
  /** The IndexedDB database name; one per signed-in user and server. */
  name: string;
  /** Injected storage (tests: Dexie over fake-indexeddb); Dexie on IndexedDB by default. */
  storage?: RxStorage<unknown, unknown>;
  /** Several windows may open the same store; on by default. */
  multiInstance?: boolean;
  /** RxDB's dev-mode checks; for tests only, never in the app or the browser build. */
  devMode?: boolean;
  /** The data key that seals every record at rest (encryption/store-key.ts); none: plaintext. */
  dataKey?: DataKey | null;
};

let pluginsAdded = false;
const addPlugins = (): void => {
  if (pluginsAdded) return;
  addRxPlugin(RxDBLeaderElectionPlugin);
  addRxPlugin(RxDBLocalDocumentsPlugin);
  addRxPlugin(RxDBMigrationSchemaPlugin);
  pluginsAdded = true;
};

/** Opens (or creates) the device store with its 11 collections, migrating old data. */
export const createFairleadDatabase = async (
  options: DatabaseOptions,
): Promise<FairleadDatabase> => {
  addPlugins();
  if (options.devMode === true) {
    // Loaded on demand so the app bundle never carries dev-mode.
    const { RxDBDevModePlugin, disableWarnings } = await import('rxdb/plugins/dev-mode');
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
  }
  const base = options.storage ?? deviceDexieStorage();
  // Validation sees the plain record; only the storage below it sees ciphertext.
  const sealed =
    options.dataKey == null
      ? base
      : wrappedEncryptedStorage({ storage: base, key: options.dataKey });
  const db = await createRxDatabase<FairleadCollections>({
    name: options.name,
    storage: wrappedValidateZodStorage({ storage: sealed }),
    multiInstance: options.multiInstance ?? true,
    localDocuments: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  try {
    await db.addCollections(collectionCreators());
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
};
