// Guards the RxDB internals the device relies on (rx-internals.ts) against an RxDB upgrade
// that moves them: each test fails if the internal is gone or reads differently.
import { afterEach, describe, expect, it } from 'vitest';
import type { RxCollection, RxReplicationWriteToMasterRow } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { product } from '../../shared/domain/test-fixtures';
import type { FairleadDatabase } from './database';
import { generateDataKey } from './encryption/record-cipher';
import { loadDataset } from './load';
import {
  assumedServerState,
  dexieTableOf,
  documentData,
  keepBasesBeforeEdits,
  skipAssumedMasterOfPulls,
} from './rx-internals';
import { openTestDatabase, uniqueName } from './test-support';

let db: FairleadDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const withProducts = async (encrypted: boolean): Promise<FairleadDatabase> => {
  db = await openTestDatabase(undefined, { dataKey: encrypted ? await generateDataKey() : null });
  await loadDataset(db, { product: [product('p-1', 'RACK-1'), product('p-2', 'BOLT-2')] });
  return db;
};

describe('the Dexie table behind a collection', () => {
  it.each([false, true])('is reachable and reads rows in id order (encrypted: %s)', async (enc) => {
    const store = await withProducts(enc);
    const table = await dexieTableOf(store.products as unknown as RxCollection);
    expect(table, 'RxDB no longer exposes storageInstance.internals.dexieTable').not.toBeNull();
    const rows = await table!.where(':id').above('').limit(10).toArray();
    expect(rows.map((r) => [r.id, r['sku']])).toEqual([
      ['p-1', 'RACK-1'],
      ['p-2', 'BOLT-2'],
    ]);
    expect(await table!.where(':id').above('p-1').limit(10).toArray()).toHaveLength(1);
  });
});

describe("a document's stored data", () => {
  it('is the data RxDB holds, bookkeeping included', async () => {
    const store = await withProducts(false);
    const doc = await store.products.findOne('p-1').exec();
    const data = documentData(doc!) as unknown as Record<string, unknown>;
    expect(data).toMatchObject(doc!.toJSON());
    expect(typeof data['_rev']).toBe('string');
  });
});

describe("the server's last known state", () => {
  it('is null before the replication starts and holds what was pulled after', async () => {
    const store = await withProducts(false);
    const served = { ...product('p-9', 'SRV-9'), _deleted: false };
    const replication = replicateRxCollection({
      collection: store.products as unknown as RxCollection,
      replicationIdentifier: 'rx-internals-test',
      live: true,
      autoStart: false,
      pull: {
        handler: async (checkpoint: unknown) =>
          checkpoint === undefined || checkpoint === null
            ? { documents: [served], checkpoint: { seq: 1 } }
            : { documents: [], checkpoint },
      },
      push: { handler: async () => [] },
    });
    expect(await assumedServerState(replication, ['p-9'])).toBeNull();
    await replication.start();
    await replication.awaitInitialReplication();
    await replication.awaitInSync();
    const known = await assumedServerState(replication, ['p-9', 'p-1']);
    expect(known, 'RxDB no longer exposes internalReplicationState').not.toBeNull();
    expect(known!.get('p-9')).toMatchObject({ id: 'p-9', sku: 'SRV-9' });
    // Pushed to the server (the handler accepted it): the server is assumed to hold it too.
    expect(known!.get('p-1')).toMatchObject({ id: 'p-1', sku: 'RACK-1' });
    await replication.cancel();
  });
});

describe('pulled documents the device has not touched', () => {
  type Doc = Record<string, unknown>;
  const served = (id: string, sku: string) => ({ ...product(id, sku), _deleted: false });

  /** A replication pulling `docs` once, keeping assumed masters for edits only. */
  const replicate = (store: FairleadDatabase, docs: Doc[], pushed: Doc[][]) => {
    let pages = [docs];
    let replication: RxReplicationState<Doc, unknown> | undefined = undefined;
    replication = replicateRxCollection<Doc, unknown>({
      collection: store.products as unknown as RxCollection<Doc>,
      replicationIdentifier: 'pulled-untouched-test',
      live: true,
      autoStart: false,
      pull: {
        handler: async (checkpoint: unknown) => {
          skipAssumedMasterOfPulls(replication!);
          const page = pages[0] ?? [];
          pages = pages.slice(1);
          return {
            documents: page as never[],
            checkpoint: page.length > 0 ? { seq: 1 } : checkpoint,
          };
        },
      },
      push: {
        handler: async (rows: RxReplicationWriteToMasterRow<Doc>[]) => {
          pushed.push(rows.map((r) => ({ ...r })));
          return [];
        },
      },
    });
    keepBasesBeforeEdits(replication);
    return {
      replication,
      /** The next pull answers `next` (a change on the server). */
      serve: (next: Doc[]) => (pages = [next]),
    };
  };

  it('have no assumed-master row until edited, then the push carries the pulled base', async () => {
    db = await openTestDatabase();
    const pushed: Doc[][] = [];
    const { replication, serve } = replicate(
      db,
      [served('p-1', 'RACK-1'), served('p-2', 'BOLT-2')],
      pushed,
    );
    await replication.start();
    await replication.awaitInitialReplication();
    await replication.awaitInSync();
    expect(await db.products.count().exec()).toBe(2);
    // The fast path: no copy of either pulled document in RxDB's meta store.
    expect((await assumedServerState(replication, ['p-1', 'p-2']))?.size).toBe(0);
    expect(pushed).toEqual([]);

    await (await db.products.findOne('p-1').exec())!.incrementalPatch({ name: 'Rack, edited' });
    await replication.awaitInSync();
    const rows = pushed.flat() as unknown as RxReplicationWriteToMasterRow<Doc>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.newDocumentState).toMatchObject({ id: 'p-1', name: 'Rack, edited' });
    // The base is the pulled state, not "unknown" (which would read as a conflict).
    expect(rows[0]!.assumedMasterState).toEqual(served('p-1', 'RACK-1'));
    const known = await assumedServerState(replication, ['p-1', 'p-2']);
    expect(known?.get('p-1')).toMatchObject({ name: 'Rack, edited' });
    expect(known?.has('p-2')).toBe(false);

    // A change on the server to a document untouched here still reaches the store.
    serve([{ ...served('p-2', 'BOLT-2'), name: 'Bolt, renamed at the office' }]);
    replication.reSync();
    await replication.awaitInSync();
    expect((await db.products.findOne('p-2').exec())?.name).toBe('Bolt, renamed at the office');
    expect(pushed.flat()).toHaveLength(1);
    await replication.cancel();
  });

  it('keeps the pulled base of an edit made where the replication has not started', async () => {
    // Yesterday's session pulled the document; today this window edits it before its
    // replication runs — as a window that is not the leader never runs it.
    const name = uniqueName();
    db = await openTestDatabase(name);
    const yesterday = replicate(db, [served('p-1', 'RACK-1')], []);
    await yesterday.replication.start();
    await yesterday.replication.awaitInSync();
    await yesterday.replication.cancel();
    await db.close();
    db = await openTestDatabase(name);

    const pushed: Doc[][] = [];
    const { replication } = replicate(db, [], pushed);
    await (await db.products.findOne('p-1').exec())!.incrementalPatch({ name: 'Rack, edited' });
    expect(pushed).toEqual([]);
    await replication.start();
    await replication.awaitInSync();
    const rows = pushed.flat() as unknown as RxReplicationWriteToMasterRow<Doc>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.assumedMasterState).toEqual(served('p-1', 'RACK-1'));
    await replication.cancel();
  });
});
