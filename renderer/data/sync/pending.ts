// Counts documents written on this device and not yet accepted by the server. Persisted in
// a local document, so the count survives a restart after three offline days and sign-out
// can refuse to drop unsynced work.
import type { SyncCollection } from '../../../shared/sync/protocol';
import type { FairleadDatabase } from '../database';
import { createCoalescedSave } from './coalesced-save';

const LOCAL_ID = 'fairlead-sync-pending';
type Persisted = { ids: Partial<Record<SyncCollection, string[]>> };

// Writes the replication itself makes into the store when it pulls: not local edits.
const isDownstreamWrite = (context: string): boolean =>
  context.startsWith('replication-downstream');

export const createPendingTracker = async (
  db: FairleadDatabase,
  collections: readonly SyncCollection[],
  onChange: () => void,
  /** Told when the count could not be stored (it is tried again). */
  onWriteFailed: (error: unknown) => void = () => undefined,
) => {
  const saved = (await db.getLocal<Persisted>(LOCAL_ID))?.toJSON().data;
  const pending = new Map<SyncCollection, Set<string>>(
    collections.map((c) => [c, new Set(saved?.ids[c] ?? [])]),
  );
  // One local-document write per burst of edits, not one per document.
  const saver = createCoalescedSave(() => {
    const ids = Object.fromEntries([...pending].map(([c, s]) => [c, [...s]]));
    return db.upsertLocal<Persisted>(LOCAL_ID, { ids });
  }, onWriteFailed);
  const persist = (): void => {
    onChange();
    saver.schedule();
  };

  const subscriptions = collections.map((name) =>
    db.collections[name].eventBulks$.subscribe((bulk) => {
      if (isDownstreamWrite(bulk.context)) return;
      const set = pending.get(name);
      if (set === undefined) return;
      for (const event of bulk.events) set.add(event.documentId);
      persist();
    }),
  );

  return {
    count: (): number => [...pending.values()].reduce((n, s) => n + s.size, 0),
    /** Written on this device and not yet answered by the server. */
    has: (collection: SyncCollection, id: string): boolean =>
      pending.get(collection)?.has(id) === true,
    /** Waiting documents per collection. */
    byCollection: (): Record<string, number> =>
      Object.fromEntries([...pending].map(([name, set]) => [name, set.size])),
    /** The server accepted (or refused and we listed) this document. */
    sent(collection: SyncCollection, id: string): void {
      if (pending.get(collection)?.delete(id) === true) persist();
    },
    /** The documents of the collection still waiting. */
    waiting: (collection: SyncCollection): string[] => [...(pending.get(collection) ?? [])],
    /** The replication found these documents in sync with the server: nothing of them waits. */
    settled(collection: SyncCollection, ids: readonly string[]): void {
      const set = pending.get(collection);
      if (set === undefined) return;
      let changed = false;
      for (const id of ids) changed = set.delete(id) || changed;
      if (changed) persist();
    },
    flush: (): Promise<void> => saver.flush(),
    stop(): void {
      for (const s of subscriptions) s.unsubscribe();
      saver.stop();
    },
  };
};

export type PendingTracker = Awaited<ReturnType<typeof createPendingTracker>>;
