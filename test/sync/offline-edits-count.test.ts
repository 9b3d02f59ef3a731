// A record edited several times offline: its first push waits for the network with the state
// it first read, and RxDB sends that older state first when the network is back. The device
// must not say "up to date" until the office holds the last state.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, uniqueName } from '../../renderer/data/test-support';
import { manualConnectivity } from '../../renderer/data/sync/connectivity';
import { createSyncClient } from '../../renderer/data/sync/client';
import type { FetchLike } from '../../renderer/data/sync/client';
import { startReplication } from '../../renderer/data/sync/replication';
import { signInHere, startOffice } from './harness';
import { newLead } from './fixtures';

describe('edits made offline, one after another', () => {
  let office: Awaited<ReturnType<typeof startOffice>>;

  beforeAll(async () => {
    office = await startOffice();
    await office.addSeller('nina@fairlead.example');
  });
  afterAll(async () => {
    await office?.close();
  });

  it('keeps the record waiting until its last state has reached the office', async () => {
    const { session, getToken } = await signInHere(
      office.url,
      'nina@fairlead.example',
      'fair laptop',
    );
    // What each lead push carried, in order.
    const pushedNames: string[][] = [];
    const fetchSpy: FetchLike = async (input, init) => {
      if (input.includes('/push') && input.includes('leads') && typeof init?.body === 'string') {
        const rows = JSON.parse(init.body) as { newDocumentState: { lastName: string } }[];
        pushedNames.push(rows.map((r) => r.newDocumentState.lastName));
      }
      return fetch(input, init);
    };
    const db = await openTestDatabase(uniqueName('offline-edits'));
    const connectivity = manualConnectivity(true);
    const engine = await startReplication(db, {
      serverUrl: office.url,
      getToken: getToken,
      actorId: session.user.id,
      connectivity,
      fetch: fetchSpy,
      retryTime: 100,
      minBackoffMs: 50,
      collections: ['leads'],
    });
    try {
      await engine.awaitInSync();
      connectivity.set(false);
      await expect.poll(() => engine.status().online).toBe(false);

      const lead = newLead(session.user.id, { lastName: 'Draft' });
      await db.collections.leads.insert(lead);
      // The first push has read "Draft" and waits for the network; the seller goes on.
      await new Promise((r) => setTimeout(r, 300));
      const doc = await db.collections.leads.findOne(lead.id).exec();
      await doc?.incrementalPatch({ lastName: 'Final' });
      await expect.poll(() => engine.status().pending).toBe(1);

      // The moment the count first says nothing waits, the last state must have been sent.
      const sentWhenClear = new Promise<string[][]>((resolve) => {
        const sub = engine.status$.subscribe((s) => {
          if (s.online && s.pending === 0) {
            resolve(pushedNames.map((p) => [...p]));
            queueMicrotask(() => sub.unsubscribe());
          }
        });
      });
      connectivity.set(true);
      const sent = await sentWhenClear;
      expect(sent.flat()).toContain('Draft');
      expect(sent.at(-1)).toEqual(['Final']);
      await engine.awaitInSync();
      const client = createSyncClient({ serverUrl: office.url, getToken: getToken });
      const held = await client.pull('leads', null, 100);
      expect(held.documents.find((d) => d.id === lead.id)).toMatchObject({ lastName: 'Final' });
    } finally {
      await engine.stop();
      await db.remove();
    }
  });
});
