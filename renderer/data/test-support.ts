// Test helpers: a real RxDB Dexie store on fake-indexeddb, with a unique name per test.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { FairleadDatabase } from './database';
import { createFairleadDatabase } from './database';

let counter = 0;

export const testStorage = () => getRxStorageDexie({ indexedDB, IDBKeyRange });

export const uniqueName = (prefix = 'fairlead-test'): string =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const openTestDatabase = (name = uniqueName()): Promise<FairleadDatabase> =>
  createFairleadDatabase({ name, storage: testStorage(), multiInstance: false, devMode: true });
