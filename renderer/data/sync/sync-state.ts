// What the device remembers about sync across restarts: whether the first full sync has
// finished, when the last full sync happened, and which server history it follows (the
// epoch) with the generation of its replications — a new one after every server restore.
import type { FairleadDatabase } from '../database';

const LOCAL_ID = 'fairlead-sync-state';
type Persisted = {
  firstSyncDone: boolean;
  lastSyncAt: string | null;
  epoch?: string | null;
  generation?: string | null;
  restoreResync?: boolean;
};

export const createSyncEngineState = async (db: FairleadDatabase) => {
  const saved = (await db.getLocal<Persisted>(LOCAL_ID))?.toJSON().data;
  let value: Persisted = saved ?? { firstSyncDone: false, lastSyncAt: null };
  // Memory follows the store: a failed write rejects and leaves both as they were.
  const save = async (patch: Partial<Persisted>): Promise<void> => {
    const next = { ...value, ...patch };
    await db.upsertLocal<Persisted>(LOCAL_ID, next);
    value = next;
  };
  return {
    firstSyncDone: (): boolean => value.firstSyncDone,
    lastSyncAt: (): string | null => value.lastSyncAt,
    epoch: (): string | null => value.epoch ?? null,
    generation: (): string | null => value.generation ?? null,
    restoreResync: (): boolean => value.restoreResync === true,
    async markSynced(at: string): Promise<void> {
      await save({ firstSyncDone: true, lastSyncAt: at, restoreResync: false });
    },
    async setEpoch(epoch: string): Promise<void> {
      if (epoch !== value.epoch) await save({ epoch });
    },
    /** The server's history changed: replications start over under a new generation. */
    async startOver(epoch: string | null, generation: string): Promise<void> {
      await save({ epoch, generation, restoreResync: true });
    },
  };
};
