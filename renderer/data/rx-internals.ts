// The only places the device reads RxDB 17 internals that have no public API, kept in one
// module so that an RxDB upgrade that moves them fails `rx-internals.test.ts` loudly instead
// of quietly slowing a path (the table scan) or breaking one (the idle settle).
// - `storageInstance.internals.dexieTable`: Dexie's table, whose `getAll` by primary key
//   reads a whole collection far faster than RxDB's cursor queries (derived state builds).
// - `doc._data`: a document's stored data without RxDB's copy (`toJSON()` copies it).
// - `internalReplicationState` with `getAssumedMasterState`: what the server was last known
//   to hold, which is how a device knows a change has really reached the office.
// - the replication's fork and meta storage instances (and the meta store's name and schema),
//   its downstream write context and the `_meta.o` mark RxDB puts on a pulled state
//   (keepBasesBeforeEdits and skipAssumedMasterOfPulls below).
import type { BulkWriteRow, RxCollection, RxDocument, RxStorageInstance } from 'rxdb';
import {
  getAssumedMasterState,
  getHeightOfRevision,
  getMetaWriteRow,
  writeDocToDocState,
} from 'rxdb';
import type { RxStorageInstanceReplicationState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

export type StoredRow = { id: string; _deleted?: boolean } & Record<string, unknown>;

/** The part of a Dexie table the device uses: pages of rows in primary-key order. */
export type DexieTable = {
  /** The table's secondary indexes as IndexedDB holds them. */
  schema: { indexes: readonly { keyPath: string | string[] | null }[] };
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
      schema: table.schema,
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

type Row = Record<string, unknown> & { _rev: string; _meta: Record<string, unknown> };
type Instance = RxStorageInstance<Row, unknown, unknown>;
type Internal = RxStorageInstanceReplicationState<Row>;
type PulledMark = { _rev?: number; hash?: string } | undefined;

/** RxDB's context of the meta rows the downstream writes for pulled documents. */
const DOWN_META = 'replication-down-write-meta';
/** How RxDB's context of every downstream write to the fork starts (its key follows). */
const DOWNSTREAM = 'replication-downstream-';
/** RxDB's prefix of a replication's identifier in its protocol state. */
const IDENTIFIER_PREFIX = 'rxdbreplication';

/**
 * Whether the stored state is the one a replication (`hash`: its identifier's hash) pulled and
 * wrote, untouched since: RxDB marks what it writes downstream with `_meta.o`, the next
 * revision height, and any later write raises the height past it.
 */
const isUntouchedPull = (doc: Row | undefined, hash: string): doc is Row => {
  const mark = doc?._meta?.['o'] as PulledMark;
  return doc !== undefined && mark?.hash === hash && mark._rev === getHeightOfRevision(doc._rev);
};

/** The replication each fork storage instance serves now (a restart replaces it). */
const keepers = new WeakMap<Instance, Keeper>();
type Keeper = {
  /** The hash of the replication's identifier, as RxDB puts it in the pulled mark. */
  hash: Promise<string>;
  /** The ids of the fork's last downstream write: their meta rows are not written. */
  pulled: Set<string>;
  /** What RxDB's getMetaWriteRow and getAssumedMasterState read of a replication's state. */
  meta: () => Promise<Internal>;
  /** Whether the leader's downstream skips the meta rows of pulled documents (below). */
  skipping: boolean;
};

/** The fork below RxDB's collection wrapper, which sets `_meta` and `_rev` of every write. */
const forkOf = (collection: RxCollection): Instance => {
  const wrapped = collection.storageInstance as unknown as { originalStorageInstance?: Instance };
  return wrapped.originalStorageInstance ?? (wrapped as unknown as Instance);
};

/**
 * Pulled documents keep no "assumed master" copy (RxDB's meta row holding the whole document
 * as the server was last known to hold it) until the device writes them: a first sync then
 * writes each pulled document once instead of twice. RxDB's downstream reads a missing row
 * as "the fork holds what was pulled" when the stored state carries its `_meta.o` mark (which
 * RxDB 17's collection wrapper drops from inserts: it is put back here), and the row is
 * written just before the first local write of such a document, from the pulled state being
 * replaced, so a push still carries its base and a conflict still merges three ways.
 *
 * Two parts. This one, in every window, as soon as the replication exists and before the
 * window writes: it marks pulled inserts and writes the base rows before local edits, through
 * its own handle on the replication's meta store — a window that is not the leader has no
 * replication state, yet its edits need their base as much as the leader's. The other part,
 * skipAssumedMasterOfPulls, runs where the replication pulls.
 */
export const keepBasesBeforeEdits = <T, C>(replication: RxReplicationState<T, C>): void => {
  const collection = replication.collection as unknown as RxCollection;
  const database = collection.database;
  const fork = forkOf(collection);
  const identifier = IDENTIFIER_PREFIX + replication.replicationIdentifier;
  let opened: Promise<Internal> | undefined;
  const open = async (): Promise<Internal> => {
    const info = await replication.metaInfoPromise;
    const metaInstance = await database.storage.createStorageInstance({
      databaseName: database.name,
      collectionName: info.collectionName,
      databaseInstanceToken: database.token,
      multiInstance: database.multiInstance,
      options: {},
      schema: info.schema as never,
      password: database.password,
      devMode: false,
    });
    replication.onCancel.push(() => void metaInstance.close());
    return {
      primaryPath: collection.schema.primaryPath,
      input: { metaInstance },
      checkpointKey: Promise.resolve(database.token),
    } as unknown as Internal;
  };
  const keeper: Keeper = {
    hash: Promise.resolve(database.hashFunction(identifier)),
    pulled: new Set(),
    meta: () => (opened ??= open()),
    skipping: false,
  };
  const installed = keepers.get(fork);
  keepers.set(fork, keeper);
  if (installed === undefined) wrapForkWrites(fork, String(collection.schema.primaryPath));
};

/**
 * Where the replication pulls (the leader window): RxDB's downstream writes no meta row for a
 * pulled document the device holds no base of, keepBasesBeforeEdits (called first) writing
 * it before the first local edit. Call before the replication's first pull is answered; a
 * second call does nothing.
 */
export const skipAssumedMasterOfPulls = <T, C>(replication: RxReplicationState<T, C>): void => {
  const state = replication.internalReplicationState as unknown as Internal | undefined;
  const keeper = keepers.get(forkOf(replication.collection as unknown as RxCollection));
  if (state === undefined || keeper === undefined || keeper.skipping) return;
  keeper.skipping = true;
  const meta = state.input.metaInstance as unknown as Instance;
  const writeMeta = meta.bulkWrite.bind(meta);
  meta.bulkWrite = async (rows, context) => {
    if (context !== DOWN_META) return writeMeta(rows, context);
    // A row with a previous state is a base the device already relies on: it stays current.
    const kept = rows.filter(
      (row) => row.previous !== undefined || !keeper.pulled.has(String(row.document['itemId'])),
    );
    keeper.pulled.clear();
    return kept.length === 0 ? { error: [] } : writeMeta(kept, context);
  };
};

/** The fork's writes: pulled inserts marked, a pulled state's base row before it is replaced. */
const wrapForkWrites = (fork: Instance, primary: string): void => {
  const write = fork.bulkWrite.bind(fork);
  fork.bulkWrite = async (rows, context) => {
    const keeper = keepers.get(fork);
    if (keeper === undefined) return write(rows, context);
    const hash = await keeper.hash;
    if (context.startsWith(DOWNSTREAM)) {
      const marked = rows.map((row) => {
        keeper.pulled.add(String(row.document[primary]));
        if (row.previous !== undefined) return row;
        const document = row.document;
        const o = { _rev: getHeightOfRevision(document._rev), hash };
        return { ...row, document: { ...document, _meta: { ...document._meta, o } } };
      });
      return write(marked, context);
    }
    await writeBases(keeper, hash, rows, primary);
    return write(rows, context);
  };
};

/** The assumed-master rows of the pulled states `rows` replace, where none is held yet. */
const writeBases = async (
  keeper: Keeper,
  hash: string,
  rows: readonly BulkWriteRow<Row>[],
  primary: string,
): Promise<void> => {
  const pulled = rows.flatMap((row) => (isUntouchedPull(row.previous, hash) ? [row.previous] : []));
  if (pulled.length === 0) return;
  const state = await keeper.meta();
  const known = await getAssumedMasterState(
    state as never,
    pulled.map((doc) => String(doc[primary])),
  );
  const missing = pulled.filter((doc) => known[String(doc[primary])] === undefined);
  if (missing.length === 0) return;
  const metaRows = await Promise.all(
    missing.map((doc) =>
      getMetaWriteRow(state as never, writeDocToDocState(doc, false, false) as never, undefined),
    ),
  );
  // Not the downstream's context: the leader's meta store keeps these rows.
  const { error } = await state.input.metaInstance.bulkWrite(
    metaRows as never,
    'fairlead-base-before-edit',
  );
  // A 409 is the row written meanwhile (by the downstream or another window): it is there.
  const failed = error.filter((e) => e.status !== 409);
  if (failed.length > 0)
    throw new Error(`${failed.length} assumed-master rows could not be stored.`);
};
