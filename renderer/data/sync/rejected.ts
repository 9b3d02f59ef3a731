// Rows the server refused (DESIGN.md §3–4). RxDB counts a refused row as pushed, so the
// device keeps its own list, in a local document that survives restarts: the refused
// document, the server's reason, and the master the edit started from. Nothing is dropped
// until the seller retries successfully or discards the change.
import type { LocalizedText } from '../../../shared/domain/errors';
import type { RejectionCode, SyncCollection } from '../../../shared/sync/protocol';
import { deepEqual } from '../../../shared/deep-equal';
import type { FairleadDatabase } from '../database';
import { withoutRxMeta } from '../../../shared/rx-meta';

type Doc = Record<string, unknown>;

export type RejectedChange = {
  /** The document's id. */
  id: string;
  collection: SyncCollection;
  code: RejectionCode;
  /** The server's reason in English. */
  message: string;
  /** The server's reason in each UI language; missing on refusals kept by older versions. */
  messages?: LocalizedText;
  field?: string;
  /** The document as it was refused (wire form, with `_deleted`). */
  document: Doc;
  /** The server's state the edit started from; null for a record the server never had. */
  assumedMaster: Doc | null;
  rejectedAt: string;
};

type Persisted = { changes: RejectedChange[]; discardedNew: string[] };

type State = { changes: Map<string, RejectedChange>; discardedNew: Set<string> };

const LOCAL_ID = 'fairlead-sync-rejected';

const key = (collection: string, id: string): string => `${collection}/${id}`;

/** The local document's writer: the store itself by default, a failing one in tests. */
export type RejectedWriter = (data: Persisted) => Promise<unknown>;

export const createRejectedStore = async (
  db: FairleadDatabase,
  onChange: () => void,
  write: RejectedWriter = (data) => db.upsertLocal(LOCAL_ID, data),
) => {
  const local = await db.getLocal<Persisted>(LOCAL_ID);
  const saved = local?.toJSON().data;
  let state: State = {
    changes: new Map((saved?.changes ?? []).map((c) => [key(c.collection, c.id), c])),
    discardedNew: new Set(saved?.discardedNew ?? []),
  };
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * Applies `change` to a copy of the state, writes it, and only then makes it the state
   * the device reads (commit before side effects). A failed write leaves memory as it was
   * and rejects, so the caller knows the refusal is not kept. Writes run one at a time, each
   * from the state the previous one committed. Resolves to what `change` returned.
   */
  const commit = <T>(change: (next: State) => T): Promise<T> => {
    const run = queue.then(async () => {
      const next: State = {
        changes: new Map(state.changes),
        discardedNew: new Set(state.discardedNew),
      };
      const result = change(next);
      await write({ changes: [...next.changes.values()], discardedNew: [...next.discardedNew] });
      state = next;
      onChange();
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    list: (): RejectedChange[] =>
      [...state.changes.values()].sort((a, b) => (a.rejectedAt < b.rejectedAt ? -1 : 1)),
    get: (collection: string, id: string) => state.changes.get(key(collection, id)),
    size: () => state.changes.size,
    record(change: RejectedChange): Promise<void> {
      return commit((next) => {
        // A second refusal keeps the first base: the server still has that state.
        const previous = next.changes.get(key(change.collection, change.id));
        next.changes.set(key(change.collection, change.id), {
          ...change,
          assumedMaster: previous ? previous.assumedMaster : change.assumedMaster,
        });
      });
    },
    async remove(collection: string, id: string): Promise<void> {
      await queue; // a refusal still being written must be seen
      if (!state.changes.has(key(collection, id))) return;
      await commit((next) => next.changes.delete(key(collection, id)));
    },
    /**
     * The master the server really holds, for a row whose RxDB-assumed master is the
     * refused document (RxDB believes it was stored); otherwise the assumed state itself.
     */
    realAssumed(collection: string, id: string, assumed: Doc | null | undefined): Doc | null {
      const entry = state.changes.get(key(collection, id));
      if (
        entry !== undefined &&
        assumed != null &&
        deepEqual(withoutRxMeta(assumed, 'keep'), entry.document)
      ) {
        return entry.assumedMaster;
      }
      return assumed ?? null;
    },
    /** A discarded record the server never had: its local deletion is not pushed. */
    async markDiscardedNew(id: string): Promise<void> {
      await commit((next) => next.discardedNew.add(id));
    },
    /** True (and forgotten) when `id` was marked; resolves once that is written. */
    async takeDiscardedNew(id: string): Promise<boolean> {
      await queue;
      if (!state.discardedNew.has(id)) return false;
      return commit((next) => next.discardedNew.delete(id));
    },
  };
};

export type RejectedStore = Awaited<ReturnType<typeof createRejectedStore>>;
