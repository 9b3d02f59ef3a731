// Replication of the device store with the office server (DESIGN.md §4): one RxDB
// replication per collection over the HTTP endpoints, live updates from the server's event
// stream, automatic resume when the server becomes reachable again, the three-way merge on
// conflicts, and a list of refused rows the seller can fix and retry or discard.
import type { RxCollection, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { Observable } from 'rxjs';
import type { Activity } from '../../../shared/domain/records';
import { recordTypeOfCollection } from '../../../shared/domain/records';
import type { Checkpoint, PushRow, SyncCollection, WireDocument } from '../../../shared/sync/protocol';
import { pullOnlyCollections, syncCollections } from '../../../shared/sync/protocol';
import type { FairleadDatabase } from '../database';
import type { FetchLike } from './client';
import { createSyncClient, isNetworkError, SyncHttpError } from './client';
import { createConflictHandler } from './conflict-handler';
import type { ConnectivitySource } from './connectivity';
import { browserConnectivity, watchReachability } from './connectivity';
import { createPendingTracker } from './pending';
import type { PendingTracker } from './pending';
import { createRejectedStore } from './rejected';
import type { RejectedChange } from './rejected';
import { createSyncEngineState } from './sync-state';
import { createSyncJournal } from './sync-journal';
import type { SyncJournal } from './sync-journal';
import { createFirstSyncTotal, createSyncStatus } from './status';
import type { SyncStatus } from './status';
import { rejectedActions } from './rejected-actions';

type Doc = Record<string, unknown>;
type Replication = RxReplicationState<Doc, Checkpoint>;

export type ReplicationOptions = {
  serverUrl: string;
  getToken: () => Promise<string | null> | string | null;
  /** The signed-in user: author of conflict activities. */
  actorId: string;
  onStatus?: (status: SyncStatus) => void;
  /** navigator.onLine and its events by default; a switch in tests. */
  connectivity?: ConnectivitySource;
  fetch?: FetchLike;
  /** Wait before RxDB retries a failed pull or push. */
  retryTime?: number;
  pullBatchSize?: number;
  pushBatchSize?: number;
  healthIntervalMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  collections?: readonly SyncCollection[];
  now?: () => string;
};

export type SyncEngine = {
  status$: Observable<SyncStatus>;
  status(): SyncStatus;
  /** Resolves when every collection is idle and in sync (never while offline). */
  awaitInSync(): Promise<void>;
  /** Pulls every collection again from its checkpoint. */
  reSync(): void;
  /** Saves the refused change again (fixed, when given) so it is pushed once more. */
  retryRejected(collection: SyncCollection, id: string, fixed?: Doc): Promise<void>;
  /** Gives up the refused change and restores the server's version on the device. */
  discardRejected(collection: SyncCollection, id: string): Promise<void>;
  stop(): Promise<void>;
};

export const startReplication = async (
  db: FairleadDatabase,
  options: ReplicationOptions,
): Promise<SyncEngine> => {
  const names = options.collections ?? syncCollections;
  const now = options.now ?? (() => new Date().toISOString());
  const client = createSyncClient(options);
  const status = createSyncStatus();
  if (options.onStatus) status.status$.subscribe(options.onStatus);
  let stopped = false;

  const rejected = await createRejectedStore(db, () => status.update({ rejected: rejected.list() }));
  // Per collection for the sync screen: last pull and changes waiting (either store may
  // report before the other one is open).
  const trackers: { pending?: PendingTracker; journal?: SyncJournal } = {};
  const collectionsNow = () => {
    const waiting = trackers.pending?.byCollection() ?? {};
    const pulls = trackers.journal?.lastPullAt() ?? {};
    return Object.fromEntries(
      names.map((n) => [n, { lastPullAt: pulls[n] ?? null, pending: waiting[n] ?? 0 }]),
    );
  };
  const pending = await createPendingTracker(db, names, () =>
    status.update({ pending: pending.count(), collections: collectionsNow() }),
  );
  trackers.pending = pending;
  const journal = await createSyncJournal(db, () =>
    status.update({ collections: collectionsNow(), history: journal.history() }),
  );
  trackers.journal = journal;
  const state = await createSyncEngineState(db);
  status.update({
    rejected: rejected.list(),
    pending: pending.count(),
    lastSyncAt: state.lastSyncAt(),
    firstSync: state.firstSyncDone() ? null : { done: 0, total: null },
    collections: collectionsNow(),
    history: journal.history(),
  });

  // ---- reachability: requests wait at this gate while the server cannot be reached ----
  let openGate: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (openGate = resolve));
  const replications = new Map<SyncCollection, Replication>();
  const reSyncAll = (): void => {
    for (const r of replications.values()) r.reSync();
  };
  const reachability = watchReachability({
    source: options.connectivity ?? browserConnectivity(),
    check: () => client.health(),
    healthyIntervalMs: options.healthIntervalMs,
    minBackoffMs: options.minBackoffMs,
    maxBackoffMs: options.maxBackoffMs,
    onChange: (reachable) => {
      status.update({ online: reachable });
      if (reachable) {
        openGate();
        reSyncAll();
      } else {
        journal.interrupted(now());
        gate = new Promise<void>((resolve) => (openGate = resolve));
        stream?.abort();
      }
    },
  });
  const whenReachable = async (): Promise<void> => {
    if (!reachability.isReachable()) await gate;
    if (stopped) throw new SyncHttpError(0, 'network', 'Sync has stopped.');
  };
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    await whenReachable();
    try {
      const result = await call();
      reachability.reportSuccess();
      if (status.get().error !== null) status.update({ error: null });
      return result;
    } catch (error) {
      if (isNetworkError(error)) reachability.reportFailure();
      else if (error instanceof SyncHttpError && error.status === 401) {
        status.update({ error: { code: 'session_expired', message: error.message } });
        journal.failed(now(), error.message);
      } else if (error instanceof SyncHttpError) {
        status.update({ error: { code: 'server_error', message: error.message } });
        journal.failed(now(), error.message);
      }
      throw error;
    }
  };

  // ---- first-sync progress: documents written so far / fetched plus still on the server ----
  const firstTotal = createFirstSyncTotal(names);
  const showProgress = (done: number, total: number | null): void => {
    // Whatever a server counted, the bar never runs past its end.
    status.update({ firstSync: { done, total: total === null ? null : Math.max(total, done) } });
  };

  // ---- one replication per collection ----
  // Insert only: an entry already there may have been reviewed since; never reset it.
  const saveActivities = async (activities: Activity[]): Promise<void> => {
    if (activities.length === 0) return;
    const existing = await db.collections.activities.findByIds(activities.map((a) => a.id)).exec();
    const missing = activities.filter((a) => !existing.has(a.id));
    if (missing.length > 0) await db.collections.activities.bulkInsert(missing);
  };
  const push = async (name: SyncCollection, rows: RxReplicationWriteToMasterRow<Doc>[]) => {
    const out: PushRow[] = [];
    for (const row of rows) {
      const doc = row.newDocumentState as WithDeleted<Doc> & { id: string };
      // A discarded record the server never had: its local removal has nothing to tell.
      if (doc._deleted && rejected.takeDiscardedNew(doc.id)) continue;
      const assumed = rejected.realAssumed(name, doc.id, row.assumedMasterState);
      out.push({
        newDocumentState: doc as unknown as WireDocument,
        assumedMasterState: assumed as WireDocument | null,
      });
    }
    if (out.length === 0) return [];
    const result = await guarded(() => client.push(name, out));
    const conflicted = new Set(result.conflicts.map((c) => c.id));
    const refused = new Map(result.rejected.map((r) => [r.id, r]));
    journal.pushed(out.length - conflicted.size - refused.size, refused.size, now());
    for (const row of out) {
      const id = row.newDocumentState.id;
      const reason = refused.get(id);
      if (reason !== undefined) {
        await rejected.record({
          id,
          collection: name,
          code: reason.code,
          message: reason.message,
          ...(reason.field === undefined ? {} : { field: reason.field }),
          document: row.newDocumentState as Doc,
          assumedMaster: (row.assumedMasterState ?? null) as Doc | null,
          rejectedAt: now(),
        });
      } else if (!conflicted.has(id)) {
        await rejected.remove(name, id);
      }
      if (!conflicted.has(id)) pending.sent(name, id);
    }
    return result.conflicts as unknown as WithDeleted<Doc>[];
  };

  for (const name of names) {
    const collection = db.collections[name] as unknown as RxCollection<Doc>;
    const type = recordTypeOfCollection[name];
    // RxDB reads the handler from the collection when the replication starts.
    collection.conflictHandler = createConflictHandler({
      type,
      collection: name,
      rejected,
      saveActivities,
      actorId: () => options.actorId,
      now,
    });
    const pushes = !pullOnlyCollections.includes(name);
    const replication = replicateRxCollection<Doc, Checkpoint>({
      collection,
      replicationIdentifier: `fairlead:${options.serverUrl}:${name}`,
      live: true,
      retryTime: options.retryTime ?? 5_000,
      autoStart: true,
      pull: {
        batchSize: options.pullBatchSize ?? 200,
        handler: async (checkpoint, batchSize) => {
          const res = await guarded(() => client.pull(name, checkpoint, batchSize));
          journal.pulled(name, res.documents.length, now());
          const first = status.get().firstSync;
          if (first !== null) {
            showProgress(first.done, firstTotal.answered(name, res.documents.length, res.remaining));
          }
          return {
            documents: res.documents as unknown as WithDeleted<Doc>[],
            checkpoint: res.checkpoint ?? checkpoint ?? { seq: 0 },
          };
        },
      },
      ...(pushes
        ? { push: { batchSize: options.pushBatchSize ?? 50, handler: (rows) => push(name, rows) } }
        : {}),
    });
    replications.set(name, replication);
    replication.received$.subscribe(() => {
      const first = status.get().firstSync;
      if (first !== null) showProgress(first.done + 1, first.total);
    });
    replication.error$.subscribe(() => undefined); // reported through `guarded`
  }

  // ---- idle → in sync: settle pending counts, stamp the last sync ----
  const active = new Map<SyncCollection, boolean>();
  for (const [name, replication] of replications) {
    replication.active$.subscribe((isActive) => {
      const was = active.get(name);
      active.set(name, isActive);
      if (was === true && !isActive && reachability.isReachable()) pending.settled(name);
      if (!isActive && [...active.values()].every((a) => !a) && reachability.isReachable()) {
        void Promise.all([...replications.values()].map((r) => r.awaitInitialReplication())).then(
          async () => {
            if (stopped || !reachability.isReachable()) return;
            const at = now();
            await state.markSynced(at);
            journal.completed(at);
            status.update({ lastSyncAt: at, firstSync: null });
          },
        );
      }
    });
  }

  // ---- live stream: each notice pulls the collection that moved ----
  let stream: AbortController | undefined;
  const runStream = async (): Promise<void> => {
    while (!stopped) {
      try {
        await whenReachable();
        stream = new AbortController();
        await client.stream(
          (event) => replications.get(event.collection)?.reSync(),
          stream.signal,
          // (Re)connected: changes may have been missed meanwhile.
          reSyncAll,
        );
      } catch (error) {
        if (isNetworkError(error)) reachability.reportFailure();
      }
      if (!stopped) await new Promise((r) => setTimeout(r, options.minBackoffMs ?? 1_000));
    }
  };
  void runStream();

  const actions = rejectedActions(db, rejected, options.actorId);
  return {
    status$: status.status$,
    status: status.get,
    async awaitInSync() {
      await Promise.all([...replications.values()].map((r) => r.awaitInSync()));
    },
    reSync: reSyncAll,
    retryRejected: (collection, id, fixed) => actions.retry(collection, id, now(), fixed),
    discardRejected: (collection, id) => actions.discard(collection, id),
    async stop() {
      stopped = true;
      openGate();
      reachability.stop();
      stream?.abort();
      await Promise.all([...replications.values()].map((r) => r.cancel()));
      pending.stop();
      await pending.flush();
      await journal.flush();
      status.complete();
    },
  };
};

export type { RejectedChange };
