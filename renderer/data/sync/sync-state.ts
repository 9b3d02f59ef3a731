// What the device remembers about sync across restarts: whether the first full sync has
// finished and when the last full sync happened.
import type { FairleadDatabase } from '../database';

const LOCAL_ID = 'fairlead-sync-state';
type Persisted = { firstSyncDone: boolean; lastSyncAt: string | null };

export const createSyncEngineState = async (db: FairleadDatabase) => {
  const saved = (await db.getLocal<Persisted>(LOCAL_ID))?.toJSON().data;
  let value: Persisted = saved ?? { firstSyncDone: false, lastSyncAt: null };
  return {
    firstSyncDone: (): boolean => value.firstSyncDone,
    lastSyncAt: (): string | null => value.lastSyncAt,
    async markSynced(at: string): Promise<void> {
      value = { firstSyncDone: true, lastSyncAt: at };
      await db.upsertLocal<Persisted>(LOCAL_ID, value);
    },
  };
};
