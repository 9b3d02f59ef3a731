// Test helpers: a real RxDB Dexie store on fake-indexeddb, with a unique name per test.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { deviceDexieStorage } from './dexie-storage';
import type { DataKey } from './encryption/record-cipher';
import { generateDataKey } from './encryption/record-cipher';
import type { FairleadDatabase } from './database';
import { createFairleadDatabase } from './database';

let counter = 0;

export const testStorage = () => deviceDexieStorage({ indexedDB, IDBKeyRange });

export const uniqueName = (prefix = 'fairlead-test'): string =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

// FAIRLEAD_TEST_STORE_ENCRYPTION=on runs every store test on a store encrypted at rest, to
// check that the queries answer the same rows through the decrypting storage.
const encryptedByDefault = (): boolean =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    'FAIRLEAD_TEST_STORE_ENCRYPTION'
  ] === 'on';

// A reopened store keeps its key, as on a device.
const keysByName = new Map<string, Promise<DataKey>>();
const defaultKey = (name: string): Promise<DataKey> => {
  const known = keysByName.get(name) ?? generateDataKey();
  keysByName.set(name, known);
  return known;
};

/** A fresh store; dev-mode checks on unless a volume test turns them off for speed. */
export const openTestDatabase = async (
  name = uniqueName(),
  options: { devMode?: boolean; dataKey?: DataKey | null } = {},
): Promise<FairleadDatabase> =>
  createFairleadDatabase({
    name,
    storage: testStorage(),
    multiInstance: false,
    devMode: options.devMode ?? true,
    dataKey:
      options.dataKey !== undefined
        ? options.dataKey
        : encryptedByDefault()
          ? await defaultKey(name)
          : null,
  });

/** A clock that moves one second per call, so every command has its own instant. */
export const steppingClock = (start = '2026-11-30T09:00:00.000Z') => {
  let ms = Date.parse(start);
  return () => {
    ms += 1000;
    return new Date(ms).toISOString();
  };
};

/** Deterministic ids for tests (still UUID-shaped and time-ordered). */
export const countingIds = (prefix = '0190a000-0000-7000-8000') => {
  let n = 0;
  return () => `${prefix}-${(n++).toString(16).padStart(12, '0')}`;
};

export const unwrap = <T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: { en: string } } },
): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value;
};
