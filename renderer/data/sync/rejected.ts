// Rows the server refused (DESIGN.md §3–4). RxDB counts a refused row as pushed, so the
// device keeps its own list, in a local document that survives restarts: the refused
// document, the server's reason, and the master the edit started from. Nothing is dropped
// until the seller retries successfully or discards the change.
import type { RejectionCode, SyncCollection } from '../../../shared/sync/protocol';
import { deepEqual } from '../../../shared/sync/merge-values';
import type { FairleadDatabase } from '../database';

type Doc = Record<string, unknown>;

export type RejectedChange = {
  /** The document's id. */
  id: string;
  collection: SyncCollection;
  code: RejectionCode;
  /** The server's reason, in plain words. */
  message: string;
  field?: string;
  /** The document as it was refused (wire form, with `_deleted`). */
  document: Doc;
  /** The server's state the edit started from; null for a record the server never had. */
  assumedMaster: Doc | null;
  rejectedAt: string;
};

type Persisted = { changes: RejectedChange[]; discardedNew: string[] };

const LOCAL_ID = 'fairlead-sync-rejected';

/** RxDB's bookkeeping fields, which never take part in comparisons. */
export const stripMeta = (doc: Doc): Doc => {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return rest;
};

const key = (collection: string, id: string): string => `${collection}/${id}`;

export const createRejectedStore = async (db: FairleadDatabase, onChange: () => void) => {
  const local = await db.getLocal<Persisted>(LOCAL_ID);
  const saved = local?.toJSON().data;
  const changes = new Map<string, RejectedChange>(
    (saved?.changes ?? []).map((c) => [key(c.collection, c.id), c]),
  );
  const discardedNew = new Set<string>(saved?.discardedNew ?? []);
  let writes: Promise<unknown> = Promise.resolve();

  const persist = (): Promise<void> => {
    const data: Persisted = { changes: [...changes.values()], discardedNew: [...discardedNew] };
    writes = writes.then(() => db.upsertLocal(LOCAL_ID, data)).catch(() => undefined);
    onChange();
    return writes.then(() => undefined);
  };

  return {
    list: (): RejectedChange[] =>
      [...changes.values()].sort((a, b) => (a.rejectedAt < b.rejectedAt ? -1 : 1)),
    get: (collection: string, id: string) => changes.get(key(collection, id)),
    size: () => changes.size,
    record(change: RejectedChange): Promise<void> {
      // A second refusal keeps the first base: the server still has that state.
      const previous = changes.get(key(change.collection, change.id));
      changes.set(key(change.collection, change.id), {
        ...change,
        assumedMaster: previous ? previous.assumedMaster : change.assumedMaster,
      });
      return persist();
    },
    remove(collection: string, id: string): Promise<void> {
      if (!changes.delete(key(collection, id))) return Promise.resolve();
      return persist();
    },
    /**
     * The master the server really holds, for a row whose RxDB-assumed master is the
     * refused document (RxDB believes it was stored); otherwise the assumed state itself.
     */
    realAssumed(collection: string, id: string, assumed: Doc | null | undefined): Doc | null {
      const entry = changes.get(key(collection, id));
      if (entry !== undefined && assumed != null && deepEqual(stripMeta(assumed), entry.document)) {
        return entry.assumedMaster;
      }
      return assumed ?? null;
    },
    /** A discarded record the server never had: its local deletion is not pushed. */
    markDiscardedNew(id: string): Promise<void> {
      discardedNew.add(`${id}`);
      return persist();
    },
    takeDiscardedNew(id: string): boolean {
      if (!discardedNew.delete(id)) return false;
      void persist();
      return true;
    },
  };
};

export type RejectedStore = Awaited<ReturnType<typeof createRejectedStore>>;
