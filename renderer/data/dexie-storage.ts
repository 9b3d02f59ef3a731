// RxDB's Dexie storage, with one change below it: reads by id that find nothing cost one
// request, not one per id. Before every write RxDB reads the documents it is about to write,
// and a pull reads them once more to compare with the device's copy; during a first sync
// none of them is there yet, and those 2 × 1000 gets per pulled page were a third of the
// page's time. The read now first lists which of the ids the store holds (the primary keys
// between the smallest and the largest id, a keys-only request, bounded) and gets only those.
import type { DBCore, DBCoreGetManyRequest, DBCoreTable, Middleware } from 'dexie';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

type DexieSettings = NonNullable<Parameters<typeof getRxStorageDexie>[0]>;

// RxDB's table of documents in each of its Dexie databases (storage-dexie DEXIE_DOCS_TABLE_NAME).
const DOCS_TABLE = 'docs';
// Fewer ids are read one by one as before: the listing would not pay for itself.
const MIN_IDS = 32;
// The listing stops at this many keys per id asked for; a range that holds more (ids spread
// over a full store, as in a delta sync) is read one by one as before.
const KEYS_PER_ID = 2;
// DBCoreRangeType.Range (a const enum, which isolated modules cannot import).
const RANGE = 2;

const sortedBounds = (keys: readonly unknown[]): [string, string] | null => {
  let lower: string | null = null;
  let upper: string | null = null;
  for (const key of keys) {
    if (typeof key !== 'string') return null;
    if (lower === null || key < lower) lower = key;
    if (upper === null || key > upper) upper = key;
  }
  return lower === null || upper === null ? null : [lower, upper];
};

/** getMany that lists the ids present first and fetches only those. */
export const sparseGetMany =
  (table: DBCoreTable) =>
  async (request: DBCoreGetManyRequest): Promise<unknown[]> => {
    const { keys } = request;
    const bounds = keys.length >= MIN_IDS ? sortedBounds(keys) : null;
    if (bounds === null) return table.getMany(request);
    const limit = keys.length * KEYS_PER_ID;
    const listed = await table.query({
      trans: request.trans,
      values: false,
      limit,
      query: {
        index: table.schema.primaryKey,
        range: { type: RANGE, lower: bounds[0], upper: bounds[1] },
      },
    });
    if (listed.result.length >= limit) return table.getMany(request);
    const held = new Set(listed.result as unknown[]);
    const present = keys.filter((key) => held.has(key));
    if (present.length === 0) return keys.map(() => undefined);
    const found = await table.getMany({ ...request, keys: present });
    const byKey = new Map(present.map((key, i) => [key, found[i]]));
    return keys.map((key) => byKey.get(key));
  };

export const sparseReads: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'fairlead-sparse-reads',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return name === DOCS_TABLE ? { ...table, getMany: sparseGetMany(table) } : table;
    },
  }),
};

/** The device's storage: RxDB's Dexie storage (IndexedDB) with sparse reads by id. */
export const deviceDexieStorage = (settings: DexieSettings = {}): RxStorage<unknown, unknown> =>
  getRxStorageDexie({
    ...settings,
    onCreate: async (dexie, name) => {
      dexie.use(sparseReads);
      await settings.onCreate?.(dexie, name);
    },
  });
