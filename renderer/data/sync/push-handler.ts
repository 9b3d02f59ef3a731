// RxDB's push handler for one collection: sends the rows (with the real assumed master of a
// row the server refused before), records refused rows with their reasons, and settles the
// waiting-changes count of the rows the server took — only where what it took is still the
// document on the device.
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type {
  PushResponse,
  PushRow,
  SyncCollection,
  WireDocument,
} from '../../../shared/sync/protocol';
import { recordTypeOfCollection } from '../../../shared/domain/records';
import { upgradeRecord } from '../../../shared/domain/record-upgrade';
import { deepEqual } from '../../../shared/deep-equal';
import { withoutRxMeta } from '../../../shared/rx-meta';
import type { PendingTracker } from './pending';
import type { RejectedStore } from './rejected';

type Doc = Record<string, unknown>;

export type PushDeps = {
  rejected: RejectedStore;
  pending: PendingTracker;
  now: () => string;
  /** Sends the rows to the server; throws as the sync client does. */
  send: (name: SyncCollection, rows: PushRow[]) => Promise<PushResponse>;
  /** Told when the list of refusals could not be written (the push then fails). */
  onStoreWriteFailed: () => void;
  /** Told how many rows the server took and refused (the sync history counts them). */
  onPushed?: (accepted: number, refused: number) => void;
  /**
   * The documents as the device holds them now (deleted ones too; absent when unknown).
   * RxDB sends a push again with the states it read first: a push that waited offline
   * while the seller went on editing carries an older state, and a newer one follows.
   */
  current: (name: SyncCollection, ids: string[]) => Promise<ReadonlyMap<string, Doc>>;
};

/** Two states of a document say the same, whatever RxDB's bookkeeping on either. */
export const sameContent = (a: Doc, b: Doc): boolean =>
  deepEqual(withoutRxMeta(a, 'keep'), withoutRxMeta(b, 'keep'));

const isStill = (sent: Doc, now: Doc | undefined): boolean =>
  now !== undefined && sameContent(sent, now);

export const createPushHandler =
  ({ rejected, pending, now, send, onStoreWriteFailed, onPushed, current }: PushDeps) =>
  async (name: SyncCollection, rows: RxReplicationWriteToMasterRow<Doc>[]) => {
    const kept = async <T>(write: () => Promise<T>): Promise<T> => {
      try {
        return await write();
      } catch (error) {
        onStoreWriteFailed();
        throw error;
      }
    };
    const out: PushRow[] = [];
    for (const row of rows) {
      const doc = row.newDocumentState as WithDeleted<Doc> & { id: string };
      // A discarded record the server never had: its local removal has nothing to tell.
      if (doc._deleted && (await kept(() => rejected.takeDiscardedNew(doc.id)))) continue;
      const assumed = rejected.realAssumed(name, doc.id, row.assumedMasterState);
      out.push({
        newDocumentState: doc as unknown as WireDocument,
        assumedMasterState: assumed as WireDocument | null,
      });
    }
    if (out.length === 0) return [];
    const result = await send(name, out);
    const conflicted = new Set(result.conflicts.map((c) => c.id));
    const refused = new Map(result.rejected.map((r) => [r.id, r]));
    onPushed?.(out.length - conflicted.size - refused.size, refused.size);
    const held = await current(
      name,
      out.map((r) => r.newDocumentState.id),
    );
    for (const row of out) {
      const id = row.newDocumentState.id;
      const reason = refused.get(id);
      if (reason !== undefined) {
        await kept(() =>
          rejected.record({
            id,
            collection: name,
            code: reason.code,
            message: reason.message,
            ...(reason.messages === undefined ? {} : { messages: reason.messages }),
            ...(reason.field === undefined ? {} : { field: reason.field }),
            document: row.newDocumentState as Doc,
            assumedMaster: (row.assumedMasterState ?? null) as Doc | null,
            rejectedAt: now(),
          }),
        );
      } else if (!conflicted.has(id)) {
        await kept(() => rejected.remove(name, id));
      }
      // An older state sent: the newer one still waits, and the count says so.
      if (!conflicted.has(id) && isStill(row.newDocumentState as Doc, held.get(id)))
        pending.sent(name, id);
    }
    // The server may hold a document an older device wrote, without the newer fields.
    const type = recordTypeOfCollection[name];
    return result.conflicts.map((c) => upgradeRecord(type, c)) as unknown as WithDeleted<Doc>[];
  };
