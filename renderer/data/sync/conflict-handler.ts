// RxDB's conflict handler for one collection: the three-way merge of shared/sync, plus the
// conflict activities that keep each losing value on the record's timeline.
import type { ConflictOutbox } from './conflict-outbox';
import type { RxCollection, RxConflictHandler, WithDeleted } from 'rxdb';
import type { Activity, RecordType } from '../../../shared/domain/records';
import { recordTypeOfCollection } from '../../../shared/domain/records';
import type { SyncCollection } from '../../../shared/sync/protocol';
import { conflictActivities } from '../../../shared/sync/conflict-activity';
import { mergeRecord } from '../../../shared/sync/merge';
import { deepEqual } from '../../../shared/deep-equal';
import type { FairleadDatabase } from '../database';
import { withoutRxMeta } from '../../../shared/rx-meta';
import type { RejectedStore } from './rejected';

type Doc = Record<string, unknown>;

export type ConflictDeps = {
  type: RecordType;
  collection: SyncCollection;
  rejected: RejectedStore;
  /** Saves conflict activities; their ids are derived, so saving twice is harmless. */
  saveActivities: (activities: Activity[]) => Promise<void>;
  /** Where activities whose timeline write failed wait for their next write. */
  outbox: Pick<ConflictOutbox, 'keep'>;
  /** Told when activities went to the outbox instead of the timeline. */
  onKeptForLater?: (error: unknown) => void;
  actorId: () => string;
  now: () => string;
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The base when RxDB knows none: a first push of a document the server already has, which
 * is every push after a server restore (the replications start over).
 * - One side deleted: the deletion was made on top of the alive side, so it wins (a
 *   restored server's live copy does not bring back what a device deleted, and a deletion
 *   made elsewhere is not undone by a device that never saw it).
 * - Otherwise a master no newer than the local state is where the local state grew from, so
 *   the local changes win: a restored server's older copy never reverts the device's newer
 *   one. A newer master has no known common base: a clash goes to the master and the local
 *   value is kept in a conflict activity.
 */
const unknownBase = (local: Doc, master: Doc): Doc | null => {
  const localDeleted = local._deleted === true;
  if (localDeleted !== (master._deleted === true)) return localDeleted ? master : local;
  const masterAt = text(master.updatedAt);
  return masterAt !== '' && masterAt <= text(local.updatedAt) ? master : null;
};

export const createConflictHandler = (deps: ConflictDeps): RxConflictHandler<Doc> => ({
  // Called very often by RxDB, so it stays synchronous and allocation-light.
  isEqual: (a, b) => deepEqual(withoutRxMeta(a, 'keep'), withoutRxMeta(b, 'keep')),
  resolve: async (input) => {
    const local = withoutRxMeta<WithDeleted<Doc>>(input.newDocumentState, 'keep');
    const master = withoutRxMeta<WithDeleted<Doc>>(input.realMasterState, 'keep');
    const id = text(master.id) || text(local.id);
    // RxDB's assumed master may be a refused row it believes was stored: use the real base.
    const assumed = deps.rejected.realAssumed(deps.collection, id, input.assumedMasterState);
    const { merged, conflicts } = mergeRecord({
      type: deps.type,
      base: assumed === null ? unknownBase(local, master) : withoutRxMeta(assumed, 'keep'),
      local,
      master,
    });
    if (conflicts.length > 0) {
      const activities = conflictActivities(
        {
          type: deps.type,
          id,
          ownerId: text(merged.ownerId) || text(master.ownerId),
          masterUpdatedAt: text(master.updatedAt),
        },
        conflicts,
        // The merge's own time, not the clock: every device running it writes the same entry.
        text(merged.updatedAt) || deps.now(),
        deps.actorId(),
      );
      try {
        await deps.saveActivities(activities);
      } catch (error) {
        // The merge stands once its losing values are kept for a later timeline write. If
        // even that fails, this throws: RxDB writes no merge and the device keeps its own
        // state, losing value included, and reports the error.
        await deps.outbox.keep(activities);
        deps.onKeptForLater?.(error);
      }
    }
    return merged as WithDeleted<Doc>;
  },
});

/** Writes conflict activities to the timeline; rejects when any of them is not stored. */
export const conflictActivitySaver =
  (db: FairleadDatabase) =>
  async (activities: Activity[]): Promise<void> => {
    if (activities.length === 0) return;
    // Insert only: an entry already there may have been reviewed since; never reset it.
    const existing = await db.collections.activities.findByIds(activities.map((a) => a.id)).exec();
    const missing = activities.filter((a) => !existing.has(a.id));
    if (missing.length === 0) return;
    const { error } = await db.collections.activities.bulkInsert(missing);
    // A conflict (409) is the same entry written meanwhile by another window: it is there.
    const failed = error.filter((e) => e.status !== 409);
    if (failed.length > 0) {
      throw new Error(`${failed.length} conflict activities could not be stored.`);
    }
  };

/** Sets the merge handler on every replicated collection (RxDB reads it at replication start). */
export const installConflictHandlers = (
  db: FairleadDatabase,
  names: readonly SyncCollection[],
  deps: Pick<ConflictDeps, 'rejected' | 'actorId' | 'now' | 'outbox' | 'onKeptForLater'>,
): void => {
  const saveActivities = conflictActivitySaver(db);
  for (const name of names) {
    const collection = db.collections[name] as unknown as RxCollection<Doc>;
    collection.conflictHandler = createConflictHandler({
      ...deps,
      type: recordTypeOfCollection[name],
      collection: name,
      saveActivities,
    });
  }
};
