// A merge's losing value is never lost: when its conflict activity cannot be written, the
// merge stands only once the activity is kept in a local document, which a later sync round
// (or the next start) writes to the timeline. If nothing can be written, no merge happens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { openTestDatabase } from '../test-support';
import { conflictActivitySaver, createConflictHandler } from './conflict-handler';
import { createConflictOutbox } from './conflict-outbox';
import type { ConflictOutbox } from './conflict-outbox';
import { createRejectedStore } from './rejected';

type Doc = Record<string, unknown>;

const lead = (patch: Doc): Doc => ({
  id: '0190a000-0000-7000-8000-000000000001',
  ownerId: 'u1',
  updatedAt: '2026-03-10T09:00:00.000Z',
  updatedBy: 'u1',
  topic: 'Cranes',
  rating: 'warm',
  notes: '',
  _deleted: false,
  ...patch,
});

// A newer office state and a device edit to the same field, with no known base: the office
// wins and the device's words must reach the timeline.
const local = lead({ notes: 'from the device', updatedAt: '2026-03-10T10:00:00.000Z' });
const master = lead({ notes: 'from the office', updatedAt: '2026-03-10T11:00:00.000Z' });

describe('the conflict activities a failed timeline write leaves behind', () => {
  let db: FairleadDatabase;
  let timelineFails = false;
  let outboxFails = false;
  let told = 0;
  const failing = () => Promise.reject(new Error('QuotaExceededError: the disk is full'));
  const saveActivities = (activities: Activity[]) =>
    timelineFails ? failing() : conflictActivitySaver(db)(activities);
  const openOutbox = () =>
    createConflictOutbox(db, saveActivities, (data) =>
      outboxFails ? failing() : db.upsertLocal('fairlead-sync-conflict-outbox', data),
    );
  const merge = async (outbox: ConflictOutbox) =>
    createConflictHandler({
      type: 'lead',
      collection: 'leads',
      rejected: await createRejectedStore(db, () => undefined),
      saveActivities,
      outbox,
      onKeptForLater: () => told++,
      actorId: () => 'u1',
      now: () => '2026-03-10T12:00:00.000Z',
    }).resolve(
      { newDocumentState: local, realMasterState: master, assumedMasterState: undefined } as never,
      'test',
    ) as Promise<Doc>;
  const timeline = async () =>
    (await db.collections.activities.find().exec()).map((a) => a.toJSON().data);

  beforeEach(async () => {
    db = await openTestDatabase();
    timelineFails = false;
    outboxFails = false;
    told = 0;
  });
  afterEach(async () => {
    await db.remove();
  });

  it('keeps the losing value across a restart and writes it at the next drain', async () => {
    timelineFails = true;
    const outbox = await openOutbox();
    expect(await merge(outbox)).toMatchObject({ notes: 'from the office' });
    expect(told).toBe(1);
    expect(await timeline()).toEqual([]);
    expect(outbox.size()).toBe(1);
    // Still failing: the drain says so and keeps the activity.
    await expect(outbox.drain()).rejects.toThrow(/disk is full/);
    expect(outbox.size()).toBe(1);

    // The app starts again: the kept activity is read back and written for real.
    const restarted = await openOutbox();
    expect(restarted.size()).toBe(1);
    timelineFails = false;
    await restarted.drain();
    expect(await timeline()).toEqual([
      expect.objectContaining({ path: 'notes', localValue: 'from the device' }),
    ]);
    expect(restarted.size()).toBe(0);
    expect((await openOutbox()).size()).toBe(0);
    // A second drain writes nothing twice.
    await restarted.drain();
    expect(await timeline()).toHaveLength(1);
  });

  it('refuses the merge when the losing value cannot be kept anywhere', async () => {
    timelineFails = true;
    outboxFails = true;
    const outbox = await openOutbox();
    // RxDB then writes no merge: the device keeps its own state, losing value included.
    await expect(merge(outbox)).rejects.toThrow(/disk is full/);
    expect(told).toBe(0);
    expect(outbox.size()).toBe(0);
    expect((await openOutbox()).size()).toBe(0);
  });

  it('writes the activity straight to the timeline when it can', async () => {
    const outbox = await openOutbox();
    expect(await merge(outbox)).toMatchObject({ notes: 'from the office' });
    expect(told).toBe(0);
    expect(outbox.size()).toBe(0);
    expect(await timeline()).toEqual([
      expect.objectContaining({ path: 'notes', localValue: 'from the device' }),
    ]);
  });
});
