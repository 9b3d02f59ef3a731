// What the sync screen tells about past syncs: per collection when it last pulled, and a
// short history of sync runs with what they moved and how they ended. Kept in a local
// document (never replicated), so it survives a restart.
import type { LocalizedText } from '../../../shared/domain/errors';
import type { FairleadDatabase } from '../database';
import { createCoalescedSave } from './coalesced-save';

const LOCAL_ID = 'fairlead-sync-journal';
const HISTORY_LENGTH = 10;

export type SyncOutcome = 'ok' | 'failed' | 'offline';

/** One sync run: from the first pull or push after a quiet spell to being in sync again. */
export type SyncRun = {
  startedAt: string;
  endedAt: string;
  outcome: SyncOutcome;
  /** Documents received from the server. */
  pulled: number;
  /** Documents the server accepted. */
  pushed: number;
  /** Documents the server refused (listed as rejected changes). */
  refused: number;
  /** The server's or the network's words when the run failed. */
  message: LocalizedText | null;
};

type Persisted = { lastPullAt: Record<string, string>; history: SyncRun[] };

export type SyncJournal = Awaited<ReturnType<typeof createSyncJournal>>;

export const createSyncJournal = async (
  db: FairleadDatabase,
  onChange: () => void,
  /** Told when the journal could not be stored (it is tried again). */
  onWriteFailed: (error: unknown) => void = () => undefined,
) => {
  const saved = (await db.getLocal<Persisted>(LOCAL_ID))?.toJSON().data;
  let lastPullAt: Record<string, string> = { ...saved?.lastPullAt };
  let history: SyncRun[] = saved?.history ? [...saved.history] : [];
  let run: Omit<SyncRun, 'endedAt' | 'outcome' | 'message'> | null = null;
  // One local-document write per burst of pulls (a first sync pulls hundreds of pages).
  const saver = createCoalescedSave(
    () => db.upsertLocal<Persisted>(LOCAL_ID, { lastPullAt, history }),
    onWriteFailed,
  );
  const persist = (): void => {
    onChange();
    saver.schedule();
  };
  const current = (at: string) => (run ??= { startedAt: at, pulled: 0, pushed: 0, refused: 0 });
  const end = (at: string, outcome: SyncOutcome, message: LocalizedText | null): void => {
    if (run === null) return;
    const done: SyncRun = { ...run, endedAt: at, outcome, message };
    run = null;
    const last = history[0];
    const quiet = (r: SyncRun) =>
      r.outcome === 'ok' && r.pulled === 0 && r.pushed === 0 && r.refused === 0;
    // A run that found nothing new only moves the time of the one before it that did the same.
    history =
      last !== undefined && quiet(last) && quiet(done)
        ? [{ ...last, endedAt: at }, ...history.slice(1)]
        : [done, ...history].slice(0, HISTORY_LENGTH);
    persist();
  };
  return {
    lastPullAt: (): Readonly<Record<string, string>> => lastPullAt,
    history: (): readonly SyncRun[] => history,
    pulled(collection: string, documents: number, at: string): void {
      current(at).pulled += documents;
      lastPullAt = { ...lastPullAt, [collection]: at };
      persist();
    },
    pushed(accepted: number, refused: number, at: string): void {
      const r = current(at);
      r.pushed += accepted;
      r.refused += refused;
    },
    /** Every collection is in sync again. */
    completed: (at: string): void => end(at, 'ok', null),
    failed: (at: string, message: LocalizedText): void => end(at, 'failed', message),
    /** The server became unreachable in the middle of a run. */
    interrupted: (at: string): void => end(at, 'offline', null),
    flush: (): Promise<void> => saver.flush(),
    /** No more retries of a failed write (the store is closing). */
    stop: (): void => saver.stop(),
  };
};
