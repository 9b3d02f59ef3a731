// A refusal the device cannot write fails the push: the list in memory stays what the store
// holds, the seller is told, and RxDB sends the row again, which then gets listed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import type { Lead } from '../../../shared/domain/records';
import type { PushResponse } from '../../../shared/sync/protocol';
import { generateLeads } from '../../../shared/dataset';
import type { FairleadDatabase } from '../database';
import { openTestDatabase } from '../test-support';
import { createPendingTracker } from './pending';
import { createPushHandler } from './push-handler';
import { createRejectedStore } from './rejected';

type Doc = Record<string, unknown>;

const refusedAll = (ids: string[]): PushResponse => ({
  conflicts: [],
  rejected: ids.map((id) => ({
    id,
    code: 'not_owner',
    message: 'You can only create records that you own.',
    messages: {
      en: 'You can only create records that you own.',
      it: 'Puoi creare solo record di cui sei il proprietario.',
    },
  })),
});

describe('pushing a row the server refuses', () => {
  let db: FairleadDatabase;
  let failing = false;
  const writer = (data: unknown) =>
    failing
      ? Promise.reject(new Error('QuotaExceededError: the disk is full'))
      : db.upsertLocal('fairlead-sync-rejected', data as Record<string, unknown>);

  beforeEach(async () => {
    db = await openTestDatabase();
    failing = false;
  });
  afterEach(async () => {
    await db.remove();
  });

  it('fails the push and tells the seller when the refusal cannot be kept', async () => {
    const rejected = await createRejectedStore(db, () => undefined, writer);
    const pending = await createPendingTracker(db, ['leads'], () => undefined);
    let told = 0;
    const push = createPushHandler({
      rejected,
      pending,
      now: () => '2026-11-30T09:00:00.000Z',
      send: async (_name, rows) => refusedAll(rows.map((r) => r.newDocumentState.id)),
      onStoreWriteFailed: () => told++,
      current: async (name, ids) => {
        const found = await db.collections[name].storageInstance.findDocumentsById(ids, true);
        return new Map(found.map((d) => [String((d as Doc).id), d as Doc]));
      },
    });
    const lead = generateLeads(7, 1, ['user-1']).next().value as Lead;
    await db.collections.leads.insert(lead);
    const rows = [
      { newDocumentState: { ...lead, _deleted: false } },
    ] as unknown as RxReplicationWriteToMasterRow<Doc>[];

    failing = true;
    await expect(push('leads', rows)).rejects.toThrow(/disk is full/);
    expect(told).toBe(1);
    // Memory and store agree: nothing listed in either, and the change still waits.
    expect(rejected.list()).toEqual([]);
    expect((await createRejectedStore(db, () => undefined)).list()).toEqual([]);
    expect(pending.has('leads', lead.id)).toBe(true);

    // RxDB sends it again once the store writes: now it is listed, in memory and stored.
    failing = false;
    await expect(push('leads', rows)).resolves.toEqual([]);
    expect(rejected.list().map((c) => c.id)).toEqual([lead.id]);
    expect((await createRejectedStore(db, () => undefined)).list().map((c) => c.id)).toEqual([
      lead.id,
    ]);
    // Listed, it no longer counts as waiting to be sent.
    expect(pending.has('leads', lead.id)).toBe(false);
    expect(told).toBe(1);
    pending.stop();
    await pending.flush();
  });
});
