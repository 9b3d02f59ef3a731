// The list of refused changes commits its state only once the local document is written:
// a failed write leaves it as it was, tells the caller, and loses nothing already kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { openTestDatabase } from '../test-support';
import type { RejectedChange } from './rejected';
import { createRejectedStore } from './rejected';
import { rejectedActions } from './rejected-actions';
import { generateLeads } from '../../../shared/dataset';

const refusal = (id: string, patch: Partial<RejectedChange> = {}): RejectedChange => ({
  id,
  collection: 'leads',
  code: 'not_owner',
  message: 'You can only create records that you own.',
  messages: {
    en: 'You can only create records that you own.',
    it: 'Puoi creare solo record di cui sei il proprietario.',
  },
  document: { id, lastName: 'Neri', _deleted: false },
  assumedMaster: null,
  rejectedAt: '2026-11-30T09:00:00.000Z',
  ...patch,
});

describe('the refused-changes list', () => {
  let db: FairleadDatabase;
  let failing = false;
  let changes = 0;
  const writer = (data: unknown) =>
    failing
      ? Promise.reject(new Error('QuotaExceededError: the disk is full'))
      : db.upsertLocal('fairlead-sync-rejected', data as Record<string, unknown>);

  beforeEach(async () => {
    db = await openTestDatabase();
    failing = false;
    changes = 0;
  });
  afterEach(async () => {
    await db.remove();
  });

  it('keeps a refusal across a restart, with both languages', async () => {
    const store = await createRejectedStore(db, () => changes++, writer);
    await store.record(refusal('a'));
    expect(changes).toBe(1);
    const again = await createRejectedStore(db, () => undefined);
    expect(again.list()).toEqual([refusal('a')]);
  });

  it('changes nothing and rejects when the write fails, then works again', async () => {
    const store = await createRejectedStore(db, () => changes++, writer);
    await store.record(refusal('a'));
    failing = true;
    await expect(store.record(refusal('b'))).rejects.toThrow(/disk is full/);
    await expect(store.remove('leads', 'a')).rejects.toThrow(/disk is full/);
    // Memory is what was written: a, and only a; nobody was told of a change.
    expect(store.list().map((c) => c.id)).toEqual(['a']);
    expect(store.get('leads', 'b')).toBeUndefined();
    expect(changes).toBe(1);
    failing = false;
    await store.record(refusal('b', { rejectedAt: '2026-11-30T09:01:00.000Z' }));
    expect(store.list().map((c) => c.id)).toEqual(['a', 'b']);
    const reopened = await createRejectedStore(db, () => undefined);
    expect(reopened.list().map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('writes concurrent refusals one after the other, none lost', async () => {
    const store = await createRejectedStore(db, () => changes++, writer);
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.record(refusal(id))));
    const reopened = await createRejectedStore(db, () => undefined);
    expect(
      reopened
        .list()
        .map((c) => c.id)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the mark of a discarded new record when forgetting it cannot be written', async () => {
    const store = await createRejectedStore(db, () => changes++, writer);
    await store.markDiscardedNew('x');
    failing = true;
    await expect(store.takeDiscardedNew('x')).rejects.toThrow(/disk is full/);
    failing = false;
    expect(await store.takeDiscardedNew('x')).toBe(true);
    expect(await store.takeDiscardedNew('x')).toBe(false);
  });

  it('does not remove a refused new record when its discard cannot be written', async () => {
    const store = await createRejectedStore(db, () => changes++, writer);
    const lead = generateLeads(3, 1, ['user-1']).next().value as Lead;
    await db.collections.leads.insert(lead);
    await store.record(refusal(lead.id, { document: { ...lead, _deleted: false } }));
    const actions = rejectedActions(db, store, 'user-1');
    failing = true;
    await expect(actions.discard('leads', lead.id)).rejects.toThrow(/disk is full/);
    // Still on the device and still listed: nothing was given up.
    expect(await db.collections.leads.findOne(lead.id).exec()).not.toBeNull();
    expect(store.get('leads', lead.id)).toBeDefined();
    failing = false;
    await actions.discard('leads', lead.id);
    expect(await db.collections.leads.findOne(lead.id).exec()).toBeNull();
    expect(store.get('leads', lead.id)).toBeUndefined();
  });
});
