// Replication of the device store with the office server (DESIGN.md §4): one RxDB
// replication per collection over the HTTP endpoints, live updates from the server's event
// stream, automatic resume when the server becomes reachable again, the three-way merge on
// conflicts, and a list of refused rows the seller can fix and retry or discard. When the
// server was restored from a backup (a new epoch), every replication starts over under a new
// identifier: everything is pulled again, and every local document the server lacks or holds
// in an older state is pushed again (the merge of conflict-handler.ts keeps the newer one).
import type { RxCollection, WithDeleted } from 'rxdb';
import { getChangedDocumentsSince } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { firstValueFrom, Subject } from 'rxjs';
import type { Observable } from 'rxjs';
import { recordTypeOfCollection } from '../../../shared/domain/records';
import { upgradeRecord } from '../../../shared/domain/record-upgrade';
import type { LocalizedText } from '../../../shared/domain/errors';
import type { Checkpoint, SyncCollection } from '../../../shared/sync/protocol';
import {
  APP_VERSION_HEADER,
  pullOnlyCollections,
  REFUSED_WAITING_HEADER,
  syncCollections,
} from '../../../shared/sync/protocol';
import type { FairleadDatabase } from '../database';
import { setBulkLoad } from '../derived/bulk-load';
import { withoutRxMeta } from '../../../shared/rx-meta';
import {
  assumedServerState,
  keepBasesBeforeEdits,
  skipAssumedMasterOfPulls,
} from '../rx-internals';
import type { FetchLike } from './client';
import { createSyncClient, isNetworkError, SyncHttpError } from './client';
import { conflictActivitySaver, installConflictHandlers } from './conflict-handler';
import { createConflictOutbox } from './conflict-outbox';
import { reportedByHandler } from './replication-errors';
import { createPullGate } from './pull-gate';
import type { PullGate } from './pull-gate';
import { createPushHandler, sameContent } from './push-handler';
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

/** Thrown by a handler while the engine starts over; RxDB retries, then is cancelled. */
class StartingOver extends Error {
  override name = 'StartingOver';
}

const newGeneration = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

type Replication = RxReplicationState<Doc, Checkpoint>;

// The server's largest pull page (server/src/sync/routes.ts MAX_PULL): a first sync of 50k
// documents is 50 pulls and 50 bulk writes per collection rather than 250.
const PULL_PAGE = 1000;

const storeWriteFailed = {
  en: 'A change the server refused could not be kept on this device; it will be sent again.',
  it: 'Una modifica rifiutata dal server non è stata salvata su questo dispositivo; verrà inviata di nuovo.',
};

const conflictKept = {
  en: "A value replaced by the office's change could not be saved on the record's timeline yet; it is kept on this device and saved at the next sync.",
  it: "Un valore sostituito dalla modifica dell'ufficio non è ancora stato salvato nella cronologia del record; resta su questo dispositivo e verrà salvato alla prossima sincronizzazione.",
};

const syncWriteFailed = {
  en: 'This device could not save a synced change; sync will try again.',
  it: 'Questo dispositivo non è riuscito a salvare una modifica sincronizzata; la sincronizzazione riproverà.',
};

// When a server (or a proxy) refuses the session without saying why in both languages.
const signInAgain = {
  en: 'Please sign in again: the session has expired.',
  it: 'Accedi di nuovo: la sessione è scaduta.',
};

export type ReplicationOptions = {
  serverUrl: string;
  getToken: () => Promise<string | null> | string | null;
  /** The signed-in user: author of conflict activities. */
  actorId: string;
  onStatus?: (status: SyncStatus) => void;
  /** navigator.onLine and its events by default; a switch in tests. */
  connectivity?: ConnectivitySource;
  fetch?: FetchLike;
  /** The office revoked this device (any pull, push or stream answered 401 device_revoked). */
  onDeviceRevoked?: (messages: LocalizedText) => void;
  /** Wait before RxDB retries a failed pull or push. */
  retryTime?: number;
  pullBatchSize?: number;
  pushBatchSize?: number;
  healthIntervalMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  collections?: readonly SyncCollection[];
  now?: () => string;
  /** This build's version, told to the office on every sync call (its devices screen). */
  appVersion?: string;
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
  // The office's devices screen shows the version and the refused changes waiting here.
  let refusedWaiting = 0;
  const client = createSyncClient({
    ...options,
    healthHeaders: () => ({
      ...(options.appVersion ? { [APP_VERSION_HEADER]: options.appVersion } : {}),
      [REFUSED_WAITING_HEADER]: String(refusedWaiting),
    }),
  });
  const status = createSyncStatus();
  status.status$.subscribe((s) => (refusedWaiting = s.rejected.length));
  if (options.onStatus) status.status$.subscribe(options.onStatus);
  let stopped = false;
  const showStoreFault = (message: LocalizedText) =>
    status.update({ error: { code: 'store_write', message } });

  const rejected = await createRejectedStore(db, () =>
    status.update({ rejected: rejected.list() }),
  );
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
  const pending = await createPendingTracker(
    db,
    names,
    () => status.update({ pending: pending.count(), collections: collectionsNow() }),
    () => showStoreFault(syncWriteFailed),
  );
  trackers.pending = pending;
  const journal = await createSyncJournal(
    db,
    () => status.update({ collections: collectionsNow(), history: journal.history() }),
    () => showStoreFault(syncWriteFailed),
  );
  trackers.journal = journal;
  const state = await createSyncEngineState(db);
  // Losing values of merges whose timeline write failed: written at start and each sync round.
  const outbox = await createConflictOutbox(db, conflictActivitySaver(db));
  const drainOutbox = (): Promise<void> =>
    outbox.drain().then(
      () => {
        if (status.get().error?.message === conflictKept) status.update({ error: null });
      },
      () => showStoreFault(conflictKept),
    );
  status.update({
    rejected: rejected.list(),
    pending: pending.count(),
    lastSyncAt: state.lastSyncAt(),
    firstSync: state.firstSyncDone() ? null : { done: 0, total: null },
    restoreResync: state.restoreResync(),
    collections: collectionsNow(),
    history: journal.history(),
  });

  // A first sync or a re-sync after a restore is a bulk load: derived state waits for its end.
  status.status$.subscribe((s) => setBulkLoad(db, s.firstSync !== null || s.restoreResync));

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
    if (stopped) {
      throw new SyncHttpError(0, 'network', {
        en: 'Sync has stopped.',
        it: 'La sincronizzazione è stata interrotta.',
      });
    }
  };
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    await whenReachable();
    try {
      const result = await call();
      reachability.reportSuccess();
      // A losing value still waiting for its timeline write stays shown until it is written.
      const shown = status.get().error;
      if (shown !== null && (shown.message !== conflictKept || outbox.size() === 0))
        status.update({ error: null });
      return result;
    } catch (error) {
      if (isNetworkError(error)) reachability.reportFailure();
      else if (error instanceof SyncHttpError && error.code === 'epoch_changed') {
        // Not a fault to show: the engine starts over (startOver below).
      } else if (error instanceof SyncHttpError && error.status === 401) {
        const message = error.fromServer ? error.messages : signInAgain;
        status.update({ error: { code: 'session_expired', message } });
        journal.failed(now(), message);
      } else if (error instanceof SyncHttpError) {
        status.update({ error: { code: 'server_error', message: error.messages } });
        journal.failed(now(), error.messages);
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

  // A first sync's pulls wait for the store to keep up (pull-gate.ts); open once it is over.
  const gates = new Set<PullGate>();
  const openGates = (): void => {
    for (const g of gates) g.open();
    gates.clear();
  };
  status.status$.subscribe((s) => {
    if (s.firstSync === null) openGates();
  });

  // RxDB reports each written document; the bar moves once per written page, not per document.
  let written = 0;
  const countWritten = (): void => {
    if (written++ > 0) return;
    queueMicrotask(() => {
      const first = status.get().firstSync;
      if (first !== null) showProgress(first.done + written, first.total);
      written = 0;
    });
  };

  // ---- one replication per collection ----
  /** The documents as the device holds them now, deleted ones too, by id. */
  const heldOnDevice = async (
    name: SyncCollection,
    ids: readonly string[],
  ): Promise<Map<string, Doc>> => {
    const found = await db.collections[name].storageInstance.findDocumentsById([...ids], true);
    return new Map(found.map((d) => [String((d as Doc).id), d as Doc]));
  };
  const push = createPushHandler({
    rejected,
    pending,
    now,
    // The list of refusals must be written before the push counts as done: if it cannot be,
    // the push fails (RxDB sends it again later) and the seller is told.
    onStoreWriteFailed: () =>
      status.update({ error: { code: 'store_write', message: storeWriteFailed } }),
    onPushed: (accepted, refused) => journal.pushed(accepted, refused, now()),
    current: (name, ids) => heldOnDevice(name, ids),
    send: async (name, rows) => {
      if (restarting !== null) throw new StartingOver();
      try {
        return await guarded(() => client.push(name, rows, state.epoch()));
      } catch (error) {
        if (error instanceof SyncHttpError && error.code === 'epoch_changed') startOver(null);
        throw error;
      }
    },
  });

  // ---- a server restore: stop every replication, start them again under a new generation ----
  let restarting: Promise<void> | null = null;
  const restarted = new Subject<void>();
  const startOver = (epoch: string | null): void => {
    if (restarting !== null || stopped) return;
    status.update({ restoreResync: true, error: null });
    // A pull held at its gate would keep the cancelled replication from settling.
    openGates();
    restarting = (async () => {
      // remove(): cancels and drops the old generation's checkpoint and assumed masters.
      await Promise.all([...replications.values()].map((r) => r.remove()));
      // Unstored, the old identifier starts over all the same: remove() dropped its state.
      await state.startOver(epoch, newGeneration()).catch(() => showStoreFault(syncWriteFailed));
      if (!stopped) for (const name of names) startCollection(name);
    })().finally(() => {
      restarting = null;
      restarted.next();
    });
  };

  installConflictHandlers(db, names, {
    rejected,
    outbox,
    onKeptForLater: () => showStoreFault(conflictKept),
    actorId: () => options.actorId,
    now,
  });
  void drainOutbox();

  // The device's copies of documents the server says this user no longer sees, as deleted
  // master states: RxDB removes them as it would a tombstone, and pushes nothing back.
  async function handedOver(
    collection: RxCollection<Doc>,
    ids: readonly string[],
  ): Promise<WithDeleted<Doc>[]> {
    if (ids.length === 0) return [];
    const found = await collection.findByIds([...ids]).exec();
    return [...found.values()].map((doc) => {
      const data = withoutRxMeta(doc.toJSON(false) as Record<string, unknown>, 'drop');
      return { ...data, _deleted: true } as unknown as WithDeleted<Doc>;
    });
  }

  function startCollection(name: SyncCollection): void {
    const collection = db.collections[name] as unknown as RxCollection<Doc>;
    const pushes = !pullOnlyCollections.includes(name);
    const generation = state.generation();
    // Only into a store that holds none of the collection yet: there every pulled document
    // is written and reported, so the gate cannot wait for one RxDB finds already held.
    const gate = createPullGate(options.pullBatchSize ?? PULL_PAGE);
    let gateChecked = false;
    if (status.get().firstSync !== null) gates.add(gate);
    else gate.open();
    const replication = replicateRxCollection<Doc, Checkpoint>({
      collection,
      // A new generation is a new identifier: RxDB forgets its checkpoint and assumed masters.
      replicationIdentifier: `fairlead:${options.serverUrl}:${name}${generation === null ? '' : `:${generation}`}`,
      live: true,
      retryTime: options.retryTime ?? 5_000,
      autoStart: true,
      pull: {
        batchSize: options.pullBatchSize ?? PULL_PAGE,
        handler: async (checkpoint, batchSize) => {
          if (restarting !== null) throw new StartingOver();
          // Pulled documents get RxDB's copy of the server's state only once edited here
          // (installed before the first pulled page reaches the store; rx-internals.ts).
          if (pushes) skipAssumedMasterOfPulls(replication);
          if (!gateChecked && gates.has(gate)) {
            gateChecked = true;
            const held = await getChangedDocumentsSince(collection.storageInstance, 1);
            if (held.documents.length > 0) gate.open();
          }
          await gate.ready();
          const res = await guarded(() => client.pull(name, checkpoint, batchSize));
          if (res.reset === true) {
            // Nothing of this answer may reach the store: it would overwrite newer local states.
            startOver(res.epoch ?? null);
            throw new StartingOver();
          }
          if (res.epoch !== undefined) await state.setEpoch(res.epoch);
          journal.pulled(name, res.documents.length, now());
          const first = status.get().firstSync;
          if (first !== null) {
            showProgress(
              first.done,
              firstTotal.answered(name, res.documents.length, res.remaining),
            );
          }
          // Records given to someone else leave this device as local deletions.
          const removed = await handedOver(collection, res.removed ?? []);
          gate.handed(res.documents.map((d) => d.id));
          return {
            // Documents older devices wrote get the defaults of the fields added since.
            documents: [
              ...(res.documents.map((d) =>
                upgradeRecord(recordTypeOfCollection[name], d),
              ) as unknown as WithDeleted<Doc>[]),
              ...removed,
            ],
            checkpoint: res.checkpoint ?? checkpoint ?? { seq: 0 },
          };
        },
      },
      ...(pushes
        ? { push: { batchSize: options.pushBatchSize ?? 50, handler: (rows) => push(name, rows) } }
        : {}),
    });
    // In every window, before it writes: a pulled document's base is kept before its first
    // local edit, also where this window is not the one that replicates (rx-internals.ts).
    if (pushes) keepBasesBeforeEdits(replication);
    replications.set(name, replication);
    replication.received$.subscribe((doc) => {
      gate.written(String(doc.id));
      if (status.get().firstSync !== null) countWritten();
    });
    replication.error$.subscribe((error) => {
      // The server's and the network's answers are reported through `guarded`; anything else
      // is the device's store failing under the replication (RxDB retries the handlers).
      if (reportedByHandler(error)) return;
      // A failed write never reports its documents written: pulls stop waiting for them.
      gate.open();
      if (status.get().error?.code === 'store_write') return;
      showStoreFault(syncWriteFailed);
    });
    watchActive(name, replication);
  }

  // ---- idle → in sync: settle pending counts, stamp the last sync ----
  function watchActive(name: SyncCollection, replication: Replication): void {
    replication.active$.subscribe((isActive) => {
      const was = active.get(name);
      active.set(name, isActive);
      // RxDB also says idle for a moment before a re-sync that may still push newer states:
      // a document stops waiting only when the server's last known state is the device's.
      if (was === true && !isActive && reachability.isReachable()) {
        void inSyncWithServer(name, replication, pending.waiting(name)).then(
          (ids) => pending.settled(name, ids),
          // Unread, nothing is settled: the documents stay counted until the next idle.
          () => undefined,
        );
      }
      if (!isActive && [...active.values()].every((a) => !a) && reachability.isReachable()) {
        void Promise.all([...replications.values()].map((r) => r.awaitInitialReplication())).then(
          async () => {
            if (stopped || restarting !== null || !reachability.isReachable()) return;
            if (replications.get(name) !== replication) return; // replaced by a restart
            const at = now();
            // In sync all the same; the seller is told the stamp was not kept.
            await state.markSynced(at).catch(() => showStoreFault(syncWriteFailed));
            await drainOutbox();
            journal.completed(at);
            status.update({ lastSyncAt: at, firstSync: null, restoreResync: false });
          },
        );
      }
    });
  }
  const active = new Map<SyncCollection, boolean>();
  for (const name of names) startCollection(name);

  /** Of `ids`, those the device holds exactly as the server was last known to hold them. */
  async function inSyncWithServer(
    name: SyncCollection,
    replication: Replication,
    ids: readonly string[],
  ): Promise<string[]> {
    if (ids.length === 0) return [];
    const [assumed, onDevice] = await Promise.all([
      assumedServerState(replication, ids),
      heldOnDevice(name, ids),
    ]);
    if (assumed === null) return [];
    return ids.filter((id) => {
      const device = onDevice.get(id);
      const master = assumed.get(id);
      // Gone from the store altogether (a cleaned-up deletion): nothing of it can wait.
      if (device === undefined) return true;
      return master !== undefined && sameContent(master, device);
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

  const actions = rejectedActions(db, rejected, options.actorId, pending.has);
  return {
    status$: status.status$,
    status: status.get,
    async awaitInSync() {
      // A restart replaces the replications: then wait for the new ones.
      for (;;) {
        if (restarting !== null) await restarting;
        const current = [...replications.values()];
        const replaced = firstValueFrom(restarted);
        await Promise.race([Promise.all(current.map((r) => r.awaitInSync())), replaced]);
        if (restarting === null && current.every((r) => [...replications.values()].includes(r)))
          return;
      }
    },
    reSync: reSyncAll,
    retryRejected: (collection, id, fixed) => actions.retry(collection, id, now(), fixed),
    discardRejected: (collection, id) => actions.discard(collection, id),
    async stop() {
      stopped = true;
      openGate();
      openGates();
      await restarting;
      reachability.stop();
      stream?.abort();
      // remove(): cancels and drops the old generation's checkpoint and assumed masters.
      await Promise.all([...replications.values()].map((r) => r.remove()));
      pending.stop();
      await pending.flush();
      await journal.flush();
      journal.stop();
      status.complete();
      setBulkLoad(db, false);
    },
  };
};

export type { RejectedChange };
