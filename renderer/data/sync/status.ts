// The sync status the UI shows at all times (DESIGN.md §4), as an observable with no React:
// the UI subscribes with a hook or a zustand store.
import { BehaviorSubject } from 'rxjs';
import type { Observable } from 'rxjs';
import { distinctUntilChanged } from 'rxjs/operators';
import type { LocalizedText } from '../../../shared/domain/errors';
import type { RejectedChange } from './rejected';
import type { SyncRun } from './sync-journal';

/** Where one collection stands: when it last pulled, and how many of its changes wait. */
export type CollectionSync = { lastPullAt: string | null; pending: number };

/** Sign in again; the server refused a request; the device could not keep a refusal. */
export type SyncErrorCode = 'session_expired' | 'server_error' | 'store_write';

export type SyncStatus = {
  /** The server is reachable and the network is up. */
  online: boolean;
  /** Documents written on this device and not yet accepted by the server. */
  pending: number;
  /** When every collection was last fully in sync with the server (ISO instant). */
  lastSyncAt: string | null;
  /** Rows the server refused, with its reasons; kept until retried or discarded. */
  rejected: RejectedChange[];
  /** Progress of the first sync (documents so far / total if known); null when done. */
  firstSync: { done: number; total: number | null } | null;
  /**
   * The office server was restored from a backup: the device is pulling everything again
   * and sending back what the server lost. Cleared once it is in sync.
   */
  restoreResync: boolean;
  /** A problem a person must act on (sign in again), or the last server error. */
  error: { code: SyncErrorCode; message: LocalizedText } | null;
  /** Per synced collection, for the sync screen. */
  collections: Readonly<Record<string, CollectionSync>>;
  /** The latest sync runs, newest first. */
  history: readonly SyncRun[];
};

export const initialSyncStatus: SyncStatus = {
  online: false,
  pending: 0,
  lastSyncAt: null,
  rejected: [],
  firstSync: null,
  restoreResync: false,
  error: null,
  collections: {},
  history: [],
};

const sameStatus = (a: SyncStatus, b: SyncStatus): boolean =>
  a.online === b.online &&
  a.pending === b.pending &&
  a.lastSyncAt === b.lastSyncAt &&
  a.rejected === b.rejected &&
  a.firstSync?.done === b.firstSync?.done &&
  a.firstSync?.total === b.firstSync?.total &&
  (a.firstSync === null) === (b.firstSync === null) &&
  a.restoreResync === b.restoreResync &&
  a.error?.code === b.error?.code &&
  a.error?.message.en === b.error?.message.en &&
  a.error?.message.it === b.error?.message.it &&
  a.collections === b.collections &&
  a.history === b.history;

export const createSyncStatus = (initial: Partial<SyncStatus> = {}) => {
  const subject = new BehaviorSubject<SyncStatus>({ ...initialSyncStatus, ...initial });
  return {
    get: (): SyncStatus => subject.getValue(),
    update(patch: Partial<SyncStatus>): void {
      const next = { ...subject.getValue(), ...patch };
      if (!sameStatus(next, subject.getValue())) subject.next(next);
    },
    status$: subject
      .asObservable()
      .pipe(distinctUntilChanged(sameStatus)) as Observable<SyncStatus>,
    complete: (): void => subject.complete(),
  };
};

export type SyncStatusStore = ReturnType<typeof createSyncStatus>;

/**
 * The first sync's total: per collection, the documents its pulls fetched so far plus the
 * `remaining` of its latest pull answer. Counted from fetched pages rather than written
 * documents because RxDB fetches the next page before the previous one is written. Unknown
 * (null) until every collection has answered with a count: older servers send none.
 */
export const createFirstSyncTotal = (collections: readonly string[]) => {
  const fetched = new Map<string, number>();
  const remaining = new Map<string, number | null>();
  const total = (): number | null => {
    let sum = 0;
    for (const name of collections) {
      const left = remaining.get(name);
      if (left === undefined || left === null) return null;
      sum += (fetched.get(name) ?? 0) + left;
    }
    return sum;
  };
  return {
    /** Records one pull answer and returns the new total. */
    answered(collection: string, documents: number, left: unknown): number | null {
      fetched.set(collection, (fetched.get(collection) ?? 0) + documents);
      const known = typeof left === 'number' && Number.isSafeInteger(left) && left >= 0;
      remaining.set(collection, known ? left : null);
      return total();
    },
    total,
  };
};
