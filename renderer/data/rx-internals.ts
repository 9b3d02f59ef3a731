// The only places the device reads RxDB 17 internals that have no public API, kept in one
// module so that an RxDB upgrade that moves them fails `rx-internals.test.ts` loudly instead
// of quietly slowing a path (the table scan) or breaking one (the idle settle).
// - `storageInstance.internals.dexieTable`: Dexie's table, whose `getAll` by primary key
//   reads a whole collection far faster than RxDB's cursor queries (derived state builds).
// - `doc._data`: a document's stored data without RxDB's copy (`toJSON()` copies it).
// - `internalReplicationState` with `getAssumedMasterState`: what the server was last known
//   to hold, which is how a device knows a change has really reached the office.
import type { RxCollection, RxDocument } from 'rxdb';
import { getAssumedMasterState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

export type StoredRow = { id: string; _deleted?: boolean } & Record<string, unknown>;

/** The part of a Dexie table the device uses: pages of rows in primary-key order. */
export type DexieTable = {
  where(index: string): {
    above(key: string): { limit(n: number): { toArray(): Promise<StoredRow[]> } };
  };
};

type DexieState = { dexieTable?: DexieTable } | null;
type WithInternals = { internals?: Promise<DexieState> | DexieState };

/**
 * The device store's storage names whose instances expose Dexie's table: RxDB's Dexie storage
 * under our validation, encrypted at rest or not (the encrypting storage shares the table
 * with every row opened, see shareDexieTable).
 */
const DEXIE_STORAGES: ReadonlySet<string> = new Set([
  'validate-zod-dexie',
  'validate-zod-encrypted-dexie',
]);

/** The collection's Dexie table, or null when the store is not RxDB's Dexie storage. */
export const dexieTableOf = async (collection: RxCollection): Promise<DexieTable | null> => {
  if (!DEXIE_STORAGES.has(collection.database.storage.name)) return null;
  const internals = (collection.storageInstance as unknown as WithInternals).internals;
  if (internals === undefined) return null;
  return (await internals)?.dexieTable ?? null;
};

/**
 * Gives a wrapping storage instance the wrapped one's Dexie table, with every row passed
 * through `open` (the encrypting storage opens sealed rows there).
 */
export const shareDexieTable = (
  wrapped: object,
  instance: object,
  open: (row: Record<string, unknown>) => Promise<Record<string, unknown>>,
): void => {
  const inner = (instance as WithInternals).internals;
  (wrapped as WithInternals).internals = Promise.resolve(inner).then((state) => {
    const table = state?.dexieTable;
    if (table === undefined) return {};
    const opening: DexieTable = {
      where: (index) => ({
        above: (key) => ({
          limit: (n) => ({
            toArray: async () =>
              (await Promise.all(
                (await table.where(index).above(key).limit(n).toArray()).map(open),
              )) as StoredRow[],
          }),
        }),
      }),
    };
    return { dexieTable: opening };
  });
};

/** A document's stored data as RxDB holds it (immutable; no copy is made). */
export const documentData = <T>(doc: RxDocument<T>): T => (doc as unknown as { _data: T })._data;

/**
 * What the server was last known to hold for each of `ids` (absent: nothing known), read
 * once the replication's queued work has settled. Null when the replication has not started.
 */
export const assumedServerState = async <T, C>(
  replication: RxReplicationState<T, C>,
  ids: readonly string[],
): Promise<Map<string, T> | null> => {
  const internal = replication.internalReplicationState;
  if (internal === undefined) return null;
  await internal.streamQueue.up;
  const assumed = await getAssumedMasterState(internal, [...ids]);
  const known = new Map<string, T>();
  for (const id of ids) {
    const state = assumed[id];
    if (state !== undefined) known.set(id, state.docData as T);
  }
  return known;
};
