// The device's merge when RxDB knows no base: every push after a server restore. The
// restored server's older copy must not revert the device's newer state; deletions hold.
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../shared/domain/records';
import { createConflictHandler } from './conflict-handler';
import type { RejectedStore } from './rejected';

type Doc = Record<string, unknown>;

const handler = (saved: Activity[] = []) =>
  createConflictHandler({
    type: 'lead',
    collection: 'leads',
    // No refused rows here: the assumed master is RxDB's own.
    rejected: {
      realAssumed: (_c: string, _id: string, a?: Doc | null) => a ?? null,
    } as unknown as RejectedStore,
    saveActivities: async (a) => void saved.push(...a),
    outbox: { keep: () => Promise.reject(new Error('not expected: the timeline write works')) },
    actorId: () => 'u1',
    now: () => '2026-03-10T12:00:00.000Z',
  });

const lead = (patch: Doc): Doc => ({
  id: 'lead-1',
  ownerId: 'u1',
  updatedAt: '2026-03-10T09:00:00.000Z',
  updatedBy: 'u1',
  topic: 'Cranes',
  rating: 'warm',
  notes: '',
  _deleted: false,
  ...patch,
});

const resolve = (local: Doc, master: Doc, assumed?: Doc, saved?: Activity[]) =>
  handler(saved).resolve(
    { newDocumentState: local, realMasterState: master, assumedMasterState: assumed } as never,
    'test',
  ) as Promise<Doc>;

describe('merging with no known base (after a server restore)', () => {
  it("keeps the device's newer state over the restored server's older copy", async () => {
    const saved: Activity[] = [];
    const older = lead({});
    const newer = lead({ rating: 'hot', notes: 'called', updatedAt: '2026-03-10T10:00:00.000Z' });
    expect(await resolve(newer, older, undefined, saved)).toMatchObject({
      rating: 'hot',
      notes: 'called',
      updatedAt: newer.updatedAt,
    });
    expect(saved).toEqual([]);
  });

  it('keeps a deletion on either side', async () => {
    const alive = lead({});
    expect(await resolve({ ...alive, _deleted: true }, alive)).toMatchObject({ _deleted: true });
    expect(await resolve(alive, { ...alive, _deleted: true })).toMatchObject({ _deleted: true });
  });

  it('lets a newer master win a clash and keeps the local value on the timeline', async () => {
    const saved: Activity[] = [];
    const local = lead({ notes: 'from the device', updatedAt: '2026-03-10T10:00:00.000Z' });
    const master = lead({ notes: 'from the office', updatedAt: '2026-03-10T11:00:00.000Z' });
    expect(await resolve(local, master, undefined, saved)).toMatchObject({
      notes: 'from the office',
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.data).toMatchObject({ path: 'notes', localValue: 'from the device' });
  });

  it('still merges three ways when the base is known', async () => {
    const base = lead({});
    const local = lead({ rating: 'hot', updatedAt: '2026-03-10T10:00:00.000Z' });
    const master = lead({ notes: 'office note', updatedAt: '2026-03-10T11:00:00.000Z' });
    expect(await resolve(local, master, base)).toMatchObject({
      rating: 'hot',
      notes: 'office note',
    });
  });
});
