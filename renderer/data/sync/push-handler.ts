// RxDB's push handler for one collection: sends the rows (with the real assumed master of a
// row the server refused before), records refused rows with their reasons, and settles the
// waiting-changes count of the rows the server took.
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type {
  PushResponse,
  PushRow,
  SyncCollection,
  WireDocument,
} from '../../../shared/sync/protocol';
import type { PendingTracker } from './pending';
import type { RejectedStore } from './rejected';

type Doc = Record<string, unknown>;

export type PushDeps = {
  rejected: RejectedStore;
  pending: PendingTracker;
  now: () => string;
  /** Sends the rows to the server; throws as the sync client does. */
  send: (name: SyncCollection, rows: PushRow[]) => Promise<PushResponse>;
};

export const createPushHandler =
  ({ rejected, pending, now, send }: PushDeps) =>
  async (name: SyncCollection, rows: RxReplicationWriteToMasterRow<Doc>[]) => {
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
    const result = await send(name, out);
    const conflicted = new Set(result.conflicts.map((c) => c.id));
    const refused = new Map(result.rejected.map((r) => [r.id, r]));
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
