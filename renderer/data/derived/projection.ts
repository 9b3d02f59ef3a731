// Derived state kept per record (a search entry, an opportunity's share of the pipeline),
// saved in the store's local documents so start-up reads it back instead of rescanning the
// collection. Local documents go through the same storage as the records, so whatever
// protects the store at rest protects them too. The saved state carries the storage
// checkpoint it reflects; at start-up only the changes after it are read. Entries are
// spread over buckets so that one edit rewrites one small document, not the whole state.
import type { RxCollection, RxStorageDefaultCheckpoint } from 'rxdb';
import { getChangedDocumentsSince } from 'rxdb';
import type { Observable } from 'rxjs';
import { BehaviorSubject } from 'rxjs';
import type { FairleadDatabase } from '../database';
import { isPulledWrite } from '../schema/validate-zod';
import { bulkLoad$, isBulkLoading } from './bulk-load';
import type { StoredRow } from '../rx-internals';
import { scanLiveRows } from './scan';

type Checkpoint = RxStorageDefaultCheckpoint;

export type ProjectionSpec<V> = {
  /** Prefix of the local documents that hold the saved state. */
  key: string;
  /** Raised when `valueOf` changes: older saved states are rebuilt. */
  format: number;
  /** The record's entry, or null when the record has none (e.g. a closed opportunity). */
  valueOf: (doc: Record<string, unknown>) => V | null;
  /**
   * Follows each entry change (e.g. into the term index, or sums kept per group). `previous`
   * is the entry it replaces; the owner of its own state (`state`) is given none.
   */
  onPut?: (id: string, value: V, previous: V | undefined) => void;
  onRemove?: (id: string, previous: V | undefined) => void;
  /** Read back only after this. */
  after?: Promise<unknown>;
  /**
   * The owner keeps and saves the state itself in a form that reads back without work per
   * entry (the search index). The projection then keeps no values and no buckets: it reads
   * the state back through `read`, follows the changes and saves the checkpoint after
   * `write`, which it calls after a rebuild, at flush, and once `unsaved()` entries wait.
   */
  state?: OwnState;
};

export type OwnState = {
  /** Reads the saved state back; false when there is none (the records are scanned). */
  read(): Promise<boolean>;
  /** Saves the whole state as it is now (every change applied so far). */
  write(): Promise<void>;
  /** Forgets every entry (before a rebuild). */
  clear(): void;
  /** Entries changed since the last read or write. */
  unsaved(): number;
  /** Written once this many entries wait (a start-up catches up with fewer than that). */
  writeAfter: number;
};

export type LiveProjection<V> = {
  values: ReadonlyMap<string, V>;
  /** Resolves once the saved state is read back and caught up (or rebuilt). */
  ready: Promise<void>;
  /** Bumped after every applied change. */
  version$: Observable<number>;
  /** Writes what is not saved yet (tests, shutdown). */
  flush(): Promise<void>;
  /** How the state was last loaded: read back from the store, or rebuilt by a full scan. */
  loadedFrom(): 'saved' | 'scan';
};

const BUCKETS = 32;
const PAGE = 2000;
const SAVE_AFTER_MS = 1000;

type Head = { format: number; checkpoint: Checkpoint | null };
// One JSON string per bucket: IndexedDB copies a string far faster than 3k small arrays.
type Bucket = { json: string };

const bucketOf = (id: string): number => {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % BUCKETS;
};

const later = (a: Checkpoint | null, b: Checkpoint | null): Checkpoint | null => {
  if (a === null) return b;
  if (b === null) return a;
  return b.lwt > a.lwt || (b.lwt === a.lwt && b.id > a.id) ? b : a;
};

type Event = { documentId: string; operation: string; documentData: unknown };

// Reading back or rebuilding runs in short slices, so the list paints and a capture goes
// through at once while 100k entries load. Where the browser has a task scheduler, the
// slices run at background priority: the list's IndexedDB steps go first.
const SLICE_MS = 8;
type Scheduler = { postTask(task: () => void, options: { priority: 'background' }): unknown };
const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
const nextSlice = (): Promise<void> =>
  new Promise((resolve) => {
    if (scheduler !== undefined) scheduler.postTask(resolve, { priority: 'background' });
    else setTimeout(resolve, 0);
  });
const timeSlices = () => {
  let since = performance.now();
  let n = 0;
  return {
    // Checked per entry without an await: most entries need no pause, and 100k awaits add up.
    due(): boolean {
      return (++n & 63) === 0 && performance.now() - since >= SLICE_MS;
    },
    async pause(): Promise<void> {
      await nextSlice();
      since = performance.now();
    },
  };
};

export const openProjection = <V>(
  db: FairleadDatabase,
  collection: RxCollection,
  spec: ProjectionSpec<V>,
): LiveProjection<V> => {
  const values = new Map<string, V>();
  // The same entries by bucket, so saving one edit serializes one bucket only.
  const buckets = Array.from({ length: BUCKETS }, () => new Map<string, V>());
  const version$ = new BehaviorSubject(0);
  const dirty = new Set<number>();
  let checkpoint: Checkpoint | null = null;
  // Pulled pages skipped during a bulk load: rebuilt once when it ends, nothing saved before.
  let skipped = false;
  let closed = false;
  let loadedFrom: 'saved' | 'scan' = 'scan';
  const slice = timeSlices();

  const own = spec.state;
  const set = (id: string, doc: Record<string, unknown> | null): void => {
    const value = doc === null || doc['_deleted'] === true ? null : spec.valueOf(doc);
    if (own !== undefined) {
      if (value === null) spec.onRemove?.(id, undefined);
      else spec.onPut?.(id, value, undefined);
      return;
    }
    const b = bucketOf(id);
    const previous = values.get(id);
    if (value === null) {
      if (!values.delete(id)) return;
      buckets[b]?.delete(id);
      spec.onRemove?.(id, previous);
    } else {
      values.set(id, value);
      buckets[b]?.set(id, value);
      spec.onPut?.(id, value, previous);
    }
    dirty.add(b);
  };

  // ---- saving: changed buckets first, then the checkpoint (a replay is harmless) ----
  let saving: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The owner's state is written after a rebuild and at flush even with few changes.
  let mustWrite = false;
  const saveOwn = async (state: OwnState, force: boolean): Promise<void> => {
    if (!force && !mustWrite && state.unsaved() < state.writeAfter) return;
    const at = checkpoint;
    mustWrite = false;
    try {
      await state.write();
      await db.upsertLocal<Head>(`${spec.key}-head`, { format: spec.format, checkpoint: at });
    } catch {
      mustWrite = true;
      scheduleSave();
    }
  };
  const save = (force = false): Promise<void> => {
    timer = undefined;
    saving = saving.then(async () => {
      if (closed || skipped) return;
      if (own !== undefined) return saveOwn(own, force);
      const at = checkpoint;
      const changed = [...dirty];
      dirty.clear();
      try {
        for (const b of changed) {
          const json = JSON.stringify([...(buckets[b] ?? [])]);
          await db.upsertLocal<Bucket>(`${spec.key}-${b}`, { json });
        }
        await db.upsertLocal<Head>(`${spec.key}-head`, { format: spec.format, checkpoint: at });
      } catch {
        // Another window saved at the same time, or the store is closing: tried again soon.
        // Derived state only: a start-up that finds an older save catches up from it.
        for (const b of changed) dirty.add(b);
        scheduleSave();
      }
    });
    return saving;
  };
  const scheduleSave = (): void => {
    if (timer === undefined && !closed) timer = setTimeout(() => void save(), SAVE_AFTER_MS);
  };
  const changed = (): void => {
    version$.next(version$.value + 1);
    scheduleSave();
  };

  // ---- reading back, catching up, rebuilding ----
  const rebuild = async (): Promise<void> => {
    own?.clear();
    mustWrite = true;
    for (const [id, value] of values) spec.onRemove?.(id, value);
    values.clear();
    for (const bucket of buckets) bucket.clear();
    loadedFrom = 'scan';
    // Writes during the scan arrive as events too; the checkpoint starts before the scan.
    checkpoint = later(checkpoint, { id: '', lwt: Date.now() - 1 });
    for await (const page of scanLiveRows(collection, PAGE)) {
      for (const row of page) {
        set(row.id, row);
        if (slice.due()) await slice.pause();
      }
    }
    for (let b = 0; b < BUCKETS; b++) dirty.add(b);
  };
  const catchUp = async (from: Checkpoint): Promise<void> => {
    let at = from;
    for (;;) {
      const { documents, checkpoint: next } = await getChangedDocumentsSince(
        collection.storageInstance,
        PAGE,
        at,
      );
      for (const doc of documents as unknown as StoredRow[]) set(doc.id, doc);
      checkpoint = later(checkpoint, next);
      if (documents.length < PAGE) return;
      at = next;
    }
  };
  const readBack = async (): Promise<boolean> => {
    const head = (await db.getLocal<Head>(`${spec.key}-head`))?.toJSON().data;
    if (head === undefined || head.format !== spec.format || head.checkpoint === null) return false;
    if (own !== undefined && !(await own.read())) return false;
    // Every bucket is asked for at once: one IndexedDB round trip after another cost more
    // than reading them.
    const saved$ =
      own === undefined
        ? Array.from({ length: BUCKETS }, (_, b) => db.getLocal<Bucket>(`${spec.key}-${b}`))
        : [];
    for (let b = 0; b < saved$.length; b++) {
      const saved = (await saved$[b])?.toJSON().data.json;
      const entries = JSON.parse(saved ?? '[]') as [string, V][];
      for (const [id, value] of entries) {
        values.set(id, value);
        buckets[b]?.set(id, value);
        spec.onPut?.(id, value, undefined);
        if (slice.due()) await slice.pause();
      }
    }
    checkpoint = head.checkpoint;
    await catchUp(head.checkpoint);
    loadedFrom = 'saved';
    return true;
  };

  // Changes that arrive while the state is loading are applied after it, in order.
  let queued: Event[][] | null = [];
  const apply = (events: readonly Event[]): void => {
    for (const e of events) {
      set(
        e.documentId,
        e.operation === 'DELETE' ? null : (e.documentData as Record<string, unknown>),
      );
    }
  };
  const subscriptions = [
    collection.eventBulks$.subscribe((bulk) => {
      if (isPulledWrite(bulk.context) && isBulkLoading(db)) {
        skipped = true;
        return;
      }
      const events = bulk.events as unknown as Event[];
      if (queued !== null) {
        queued.push(events);
        return;
      }
      apply(events);
      if (!skipped) checkpoint = later(checkpoint, bulk.checkpoint as Checkpoint);
      changed();
    }),
    bulkLoad$(db).subscribe((loading) => {
      if (loading || !skipped) return;
      void ready.then(async () => {
        skipped = false;
        queued = [];
        // A scan that failed half way is never saved: the next start reads back the last
        // whole state and catches up from its checkpoint.
        await rebuild().catch(() => (skipped = true));
        for (const events of queued) apply(events);
        queued = null;
        changed();
      });
    }),
  ];
  db.onClose.push(() => {
    closed = true;
    clearTimeout(timer);
    for (const s of subscriptions) s.unsubscribe();
    version$.complete();
  });

  const ready = (async () => {
    // Only an ordering: what `after` does is its owner's affair.
    await spec.after?.catch(() => undefined);
    // An unreadable saved state is rebuilt from the records themselves.
    const restored = await readBack().catch(() => false);
    if (!restored) await rebuild();
    for (const events of queued ?? []) apply(events);
    queued = null;
    changed();
  })();

  return {
    values,
    ready,
    version$: version$.asObservable(),
    async flush() {
      await ready;
      clearTimeout(timer);
      await save(true);
    },
    loadedFrom: () => loadedFrom,
  };
};
