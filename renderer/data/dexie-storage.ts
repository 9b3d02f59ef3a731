// RxDB's Dexie storage, with one change below it: reads by id that find nothing cost one
// request, not one per id. Before every write RxDB reads the documents it is about to write,
// and a pull reads them once more to compare with the device's copy; during a first sync
// none of them is there yet, and those 2 × 1000 gets per pulled page were a third of the
// page's time. A read of many ids now learns first which of them the store holds and gets
// only those:
// - the primary keys between the smallest and the largest id asked for (one keys-only
//   request, bounded), when a page's ids are close together;
// - otherwise the ids this window knows the table holds: listed once, then kept up to date
//   from this window's own committed writes, and trusted only while the table's key count
//   matches it (a write from another window changes the count; the list is then read again).
import type {
  DBCore,
  DBCoreGetManyRequest,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

type DexieSettings = NonNullable<Parameters<typeof getRxStorageDexie>[0]>;

// RxDB's table of documents in each of its Dexie databases (storage-dexie DEXIE_DOCS_TABLE_NAME).
const DOCS_TABLE = 'docs';
// Fewer ids are read one by one as before: the listing would not pay for itself.
const MIN_IDS = 32;
// The range listing stops at this many keys per id asked for.
const KEYS_PER_ID = 2;
// The known keys are checked with a count of the whole table: worth it for pages of a
// first sync or a long catch-up, not for a few dozen ids (those are read one by one).
const KNOWN_MIN_IDS = 200;
// A table with more keys than this is never listed whole; its reads go one by one.
const MAX_KNOWN = 250_000;
// DBCoreRangeType.Range and .Any (a const enum, which isolated modules cannot import).
const RANGE = 2;
const ANY = 3;

const idBounds = (keys: readonly unknown[]): [string, string] | null => {
  let lower: string | null = null;
  let upper: string | null = null;
  for (const key of keys) {
    if (typeof key !== 'string') return null;
    if (lower === null || key < lower) lower = key;
    if (upper === null || key > upper) upper = key;
  }
  return lower === null || upper === null ? null : [lower, upper];
};

const onCommit = (trans: DBCoreTransaction, run: () => void): boolean => {
  // Below Dexie's core the transaction is IndexedDB's own (IDBTransaction).
  const events = trans as unknown as {
    addEventListener?: (type: 'complete', listener: () => void) => void;
  };
  if (typeof events.addEventListener !== 'function') return false;
  events.addEventListener('complete', run);
  return true;
};

/** The documents table with reads by id that get only the ids the store holds. */
export const sparseTable = (table: DBCoreTable): DBCoreTable => {
  const primaryKey = table.schema.primaryKey;
  // The keys the table holds, as of this window's last look and its own commits since.
  let known: Set<unknown> | null = null;

  // Promise chains, not async functions: Dexie keeps its transaction zone across its own
  // promises only, and the middlewares below read it.
  const listKeys = (
    trans: DBCoreTransaction,
    range: { type: number; lower?: string; upper?: string },
    limit?: number,
  ): Promise<unknown[]> =>
    table
      .query({
        trans,
        values: false,
        ...(limit === undefined ? {} : { limit }),
        query: { index: primaryKey, range: range as never },
      })
      .then((answer) => answer.result as unknown[]);

  /** The known keys, listed again unless their number is the table's. */
  const knownKeys = (trans: DBCoreTransaction): Promise<Set<unknown> | null> =>
    table
      .count({ trans, query: { index: primaryKey, range: { type: ANY } as never } })
      .then((total) => {
        if (known !== null && known.size === total) return known;
        if (total > MAX_KNOWN) return (known = null);
        return listKeys(trans, { type: ANY }).then((all) => (known = new Set(all)));
      });

  /** The held ones among `keys`, or null when that cannot be known cheaply. */
  const heldAmong = (
    trans: DBCoreTransaction,
    keys: readonly unknown[],
  ): Promise<Set<unknown> | null> | null => {
    const bounds = keys.length >= MIN_IDS ? idBounds(keys) : null;
    if (bounds === null) return null;
    const limit = keys.length * KEYS_PER_ID;
    return listKeys(trans, { type: RANGE, lower: bounds[0], upper: bounds[1] }, limit).then(
      (listed) =>
        listed.length < limit
          ? new Set(listed)
          : keys.length >= KNOWN_MIN_IDS
            ? knownKeys(trans)
            : null,
    );
  };

  return {
    ...table,
    getMany: (request: DBCoreGetManyRequest): Promise<unknown[]> => {
      const { keys } = request;
      const looked = heldAmong(request.trans, keys);
      if (looked === null) return table.getMany(request);
      return looked.then((held) => {
        if (held === null) return table.getMany(request);
        const present = keys.filter((key) => held.has(key));
        if (present.length === 0) return keys.map(() => undefined);
        return table.getMany({ ...request, keys: present }).then((found) => {
          const byKey = new Map(present.map((key, i) => [key, found[i]]));
          return keys.map((key) => byKey.get(key));
        });
      });
    },
    mutate: (request: DBCoreMutateRequest) => {
      // The known keys follow this window's writes once they are committed; anything this
      // cannot follow drops them (they are listed again when next needed).
      const follow = (apply: (keys: Set<unknown>) => void) => {
        if (!onCommit(request.trans, () => known !== null && apply(known))) known = null;
      };
      if (request.type === 'add' || request.type === 'put') {
        const written =
          request.keys ?? request.values.map((value) => primaryKey.extractKey?.(value));
        if (written.some((key) => key === undefined)) known = null;
        else follow((set) => written.forEach((key) => set.add(key)));
      } else if (request.type === 'delete') {
        follow((set) => request.keys.forEach((key) => set.delete(key)));
      } else {
        known = null;
        follow(() => (known = null));
      }
      return table.mutate(request);
    },
  };
};

export const sparseReads: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'fairlead-sparse-reads',
  create: (down) => {
    // One per database: the known keys live in it.
    let docs: DBCoreTable | undefined;
    return {
      ...down,
      table: (name) =>
        name !== DOCS_TABLE ? down.table(name) : (docs ??= sparseTable(down.table(name))),
    };
  },
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
