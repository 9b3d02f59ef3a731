// A conflict met while the device cannot write its timeline: the office's value wins, the
// device's losing value waits in the conflict outbox, the sync status says so, and the next
// sync round writes it to the record's timeline and sends it to the office.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../shared/sync/protocol';
import { openTestDatabase, uniqueName } from '../../renderer/data/test-support';
import { manualConnectivity } from '../../renderer/data/sync/connectivity';
import { createSyncClient } from '../../renderer/data/sync/client';
import { startReplication } from '../../renderer/data/sync/replication';
import { signInHere, startOffice } from './harness';
import { at, newLead } from './fixtures';

describe('a conflict whose timeline write fails', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('nina@fairlead.example');
  });
  afterAll(async () => {
    await office?.close();
  });

  it('keeps the losing value and writes it at the next sync round', async () => {
    const { session, getToken } = await signInHere(
      office.url,
      'nina@fairlead.example',
      'fair laptop',
    );
    const userId = session.user.id;
    const db = await openTestDatabase(uniqueName('conflict-outbox'));
    const connectivity = manualConnectivity(true);
    const engine = await startReplication(db, {
      serverUrl: office.url,
      getToken: getToken,
      actorId: userId,
      connectivity,
      retryTime: 100,
      minBackoffMs: 50,
      collections: ['leads', 'activities'],
    });
    const activities = db.collections.activities;
    const writeActivities = activities.bulkInsert.bind(activities);
    // A normal sync round shows no store fault.
    const faults: string[] = [];
    const watch = engine.status$.subscribe((st) => {
      if (st.error !== null) faults.push(st.error.code);
    });
    try {
      const lead = newLead(userId);
      await db.collections.leads.insert(lead);
      await engine.awaitInSync();
      connectivity.set(false);
      await expect.poll(() => engine.status().online).toBe(false);

      // Meanwhile the office changes the same field (as another device of hers would).
      const office$ = createSyncClient({ serverUrl: office.url, getToken: getToken });
      const held = (await office$.pull('leads', null, 100)).documents.find(
        (d) => d.id === lead.id,
      ) as WireDocument;
      const pushed = await office$.push('leads', [
        {
          newDocumentState: {
            ...held,
            notes: 'from the office',
            updatedAt: at(20),
          } as WireDocument,
          assumedMasterState: held,
        },
      ]);
      expect(pushed).toEqual({ conflicts: [], rejected: [] });
      await (
        await db.collections.leads.findOne(lead.id).exec()
      )?.incrementalPatch({ notes: 'from the device', updatedAt: at(15) });

      expect(faults).toEqual([]);
      watch.unsubscribe();

      // The device's timeline cannot be written now.
      activities.bulkInsert = () => Promise.reject(new Error('QuotaExceededError: disk full'));
      connectivity.set(true);
      await expect.poll(() => engine.status().error?.code, { timeout: 10_000 }).toBe('store_write');
      expect(engine.status().error?.message.en).toMatch(/timeline/);
      await expect
        .poll(async () => (await db.collections.leads.findOne(lead.id).exec())?.notes)
        .toBe('from the office');
      expect(await activities.find().exec()).toEqual([]);

      // It can again: the next sync round writes the losing value and sends it on.
      activities.bulkInsert = writeActivities;
      engine.reSync();
      await expect
        .poll(async () => (await activities.find().exec()).map((a) => a.toJSON().data), {
          timeout: 10_000,
        })
        .toEqual([expect.objectContaining({ path: 'notes', localValue: 'from the device' })]);
      await engine.awaitInSync();
      await expect
        .poll(async () => {
          const onServer = (await office$.pull('activities', null, 100)).documents;
          return onServer.filter((a) => (a as { regardingId?: string }).regardingId === lead.id);
        })
        .toHaveLength(1);
      await expect.poll(() => engine.status().error).toBeNull();
    } finally {
      watch.unsubscribe();
      activities.bulkInsert = writeActivities;
      await engine.stop();
      await db.remove();
    }
  });
});
