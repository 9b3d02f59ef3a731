// What the seller can do with a refused change: fix and retry it, or discard it.
import type { RxCollection } from 'rxdb';
import { recordTypeOfCollection } from '../../../shared/domain/records';
import type { SyncCollection } from '../../../shared/sync/protocol';
import { mergeRecord } from '../../../shared/sync/merge';
import { deepEqual } from '../../../shared/deep-equal';
import type { FairleadDatabase } from '../database';
import { withoutRxMeta } from '../../../shared/rx-meta';
import type { RejectedStore } from './rejected';

type Doc = Record<string, unknown>;

const withoutDeleted = (doc: Doc): Doc => withoutRxMeta(doc, 'drop');

export const rejectedActions = (
  db: FairleadDatabase,
  rejected: RejectedStore,
  actorId: string,
  /** Written on the device since and not yet sent: the seller's fix, from the normal form. */
  editedSince: (collection: SyncCollection, id: string) => boolean = () => false,
) => {
  const current = async (collection: SyncCollection, id: string) => {
    const col = db.collections[collection] as unknown as RxCollection<Doc>;
    const doc = await col.findOne(id).exec();
    return { col, doc, data: doc === null ? null : withoutDeleted(doc.toJSON(true) as Doc) };
  };

  const entryOf = (collection: SyncCollection, id: string) => {
    const entry = rejected.get(collection, id);
    if (entry === undefined) throw new Error(`No refused change ${collection}/${id}.`);
    return entry;
  };

  return {
    /**
     * Saves the refused change again: the seller's fix when given, or the record as the
     * seller corrected it in its form since, else the refused version. When the server's
     * version reached the device meanwhile, the change is merged onto it first. The entry
     * stays listed until the server accepts the new push.
     */
    async retry(collection: SyncCollection, id: string, at: string, fixed?: Doc): Promise<void> {
      const entry = entryOf(collection, id);
      const { col, data } = await current(collection, id);
      const corrected = fixed === undefined && data !== null && editedSince(collection, id);
      const wanted = withoutDeleted(fixed ?? (corrected && data !== null ? data : entry.document));
      const untouched =
        corrected || data === null || deepEqual(data, withoutDeleted(entry.document));
      const next = untouched
        ? wanted
        : mergeRecord({
            type: recordTypeOfCollection[collection],
            base: entry.assumedMaster === null ? null : withoutDeleted(entry.assumedMaster),
            local: wanted,
            master: data,
          }).merged;
      // A new stamp makes it a new local write, which RxDB pushes, signed by who retries.
      await col.upsert({ ...next, updatedAt: at, updatedBy: actorId });
    },

    /** Drops the refused change and puts back the server's version (or nothing, if new). */
    async discard(collection: SyncCollection, id: string): Promise<void> {
      const entry = entryOf(collection, id);
      const { col, doc, data } = await current(collection, id);
      const untouched = data !== null && deepEqual(data, withoutDeleted(entry.document));
      if (untouched && doc !== null) {
        const master = entry.assumedMaster;
        if (master === null || master._deleted === true) {
          if (master === null) await rejected.markDiscardedNew(id);
          await doc.remove();
        } else {
          await col.upsert(withoutDeleted(master));
        }
      }
      await rejected.remove(collection, id);
    },
  };
};
