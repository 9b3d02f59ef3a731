// Conflict activities whose timeline write failed: kept in a local document and written
// again at each sync round and at the next start, so a merge's losing value always reaches
// the record's timeline. RxDB cannot write the merged record and its activities in one
// transaction (they are two collections), so this is the retry that makes the pair whole.
import type { Activity } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';

const LOCAL_ID = 'fairlead-sync-conflict-outbox';

type Persisted = { activities: Activity[] };

/** The local document's writer: the store itself by default, a failing one in tests. */
export type OutboxWriter = (data: Persisted) => Promise<unknown>;

export const createConflictOutbox = async (
  db: FairleadDatabase,
  /** Writes activities to the timeline; their ids are derived, so writing twice is harmless. */
  saveActivities: (activities: Activity[]) => Promise<void>,
  write: OutboxWriter = (data) => db.upsertLocal(LOCAL_ID, data),
) => {
  const saved = (await db.getLocal<Persisted>(LOCAL_ID))?.toJSON().data;
  let waiting = [...(saved?.activities ?? [])] as Activity[];
  let queue: Promise<unknown> = Promise.resolve();
  // One write at a time, each from the state the previous one committed.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined); // the caller of `serial` gets the error
    return run;
  };

  return {
    /** Activities waiting for their timeline write. */
    size: (): number => waiting.length,
    /** Keeps activities for a later write; rejects (keeping nothing) if even that fails. */
    keep: (activities: Activity[]): Promise<void> =>
      serial(async () => {
        const byId = new Map(waiting.map((a) => [a.id, a]));
        for (const a of activities) byId.set(a.id, a);
        const next = [...byId.values()];
        await write({ activities: next });
        waiting = next;
      }),
    /** Writes the kept activities to the timeline, then forgets them; rejects on failure. */
    drain: (): Promise<void> =>
      serial(async () => {
        if (waiting.length === 0) return;
        const written = waiting;
        await saveActivities(written);
        const ids = new Set(written.map((a) => a.id));
        const next = waiting.filter((a) => !ids.has(a.id));
        // Written but not yet forgotten is harmless: the next drain inserts nothing twice.
        await write({ activities: next });
        waiting = next;
      }),
  };
};

export type ConflictOutbox = Awaited<ReturnType<typeof createConflictOutbox>>;
