// First sync in the page: the real device replication (renderer/data/sync) against the
// server, and the references — raw IndexedDB bulk writes of the same documents (also into
// object stores with the device store's indexes) and PouchDB replicating them from a
// PouchDB server.
import PouchDB from 'pouchdb-browser';
import type { RxCollection } from 'rxdb';
import { filter, firstValueFrom } from 'rxjs';
import type { LoginResponse, PullResponse, SyncCollection } from '../../shared/sync/protocol';
import { syncCollections } from '../../shared/sync/protocol';
import { createFairleadDatabase } from '../../renderer/data/database';
import { dexieTableOf } from '../../renderer/data/rx-internals';
import { startReplication } from '../../renderer/data/sync/replication';
import type { SyncAccount } from '../device/api';

const login = async (account: SyncAccount, deviceName: string): Promise<LoginResponse> => {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, deviceName }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as LoginResponse;
};

/** A fresh device's first sync; progress samples as [ms, documents so far]. */
export const firstSync = async (account: SyncAccount) => {
  const session = await login(account, `bench device ${Date.now()}`);
  const db = await createFairleadDatabase({
    name: `bench_sync_${Date.now()}`,
    multiInstance: false,
  });
  const progress: [number, number][] = [];
  const t0 = performance.now();
  const engine = await startReplication(db, {
    serverUrl: location.origin,
    getToken: () => session.token,
    actorId: session.user.id,
    onStatus: (s) => {
      if (s.firstSync !== null) progress.push([performance.now() - t0, s.firstSync.done]);
    },
  });
  await firstValueFrom(
    engine.status$.pipe(filter((s) => s.firstSync === null && s.lastSyncAt !== null)),
  );
  const ms = performance.now() - t0;
  await engine.stop();
  let documents = 0;
  for (const name of syncCollections) documents += await db.collections[name].count().exec();
  await db.close();
  const step = Math.max(1, Math.floor(progress.length / 20));
  return { ms, documents, progress: progress.filter((_, i) => i % step === 0) };
};

const pullEverything = async (token: string) => {
  const all: [SyncCollection, Record<string, unknown>[]][] = [];
  for (const name of syncCollections) {
    const docs: Record<string, unknown>[] = [];
    let checkpoint: unknown = null;
    for (;;) {
      const q = new URLSearchParams({ limit: '1000' });
      if (checkpoint !== null) q.set('checkpoint', JSON.stringify(checkpoint));
      const res = await fetch(`/api/sync/${name}/pull?${q.toString()}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const page = (await res.json()) as PullResponse;
      docs.push(...(page.documents as unknown as Record<string, unknown>[]));
      if (page.documents.length === 0 || page.checkpoint === null) break;
      checkpoint = page.checkpoint;
    }
    all.push([name, docs]);
  }
  return all;
};

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** The indexes of the device store's object store for each collection, as Dexie holds them. */
const deviceIndexes = async (): Promise<Map<SyncCollection, (string | string[])[]>> => {
  const db = await createFairleadDatabase({
    name: `bench_schema_${Date.now()}`,
    multiInstance: false,
  });
  try {
    const indexes = new Map<SyncCollection, (string | string[])[]>();
    for (const name of syncCollections) {
      const table = await dexieTableOf(db.collections[name] as unknown as RxCollection);
      if (table === null) throw new Error(`no Dexie table behind ${name}`);
      indexes.set(
        name,
        table.schema.indexes.flatMap((index) => (index.keyPath === null ? [] : [index.keyPath])),
      );
    }
    return indexes;
  } finally {
    await db.remove();
  }
};

/**
 * The local limit: the same documents put into IndexedDB, `batch` per transaction. Indexed:
 * into object stores with the device store's indexes, each document with RxDB's bookkeeping
 * fields (as the device stores it), so only RxDB's own work separates it from a first sync.
 */
export const rawIndexedDbWrite = async (account: SyncAccount, batch: number, indexed = false) => {
  const session = await login(account, `bench raw idb ${Date.now()}`);
  const fetchStart = performance.now();
  const collections = await pullEverything(session.token);
  const fetchMs = performance.now() - fetchStart;
  const indexes = indexed
    ? await deviceIndexes()
    : new Map<SyncCollection, (string | string[])[]>();
  const name = `bench_raw_${Date.now()}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    for (const [collection] of collections) {
      const store = open.result.createObjectStore(collection, { keyPath: 'id' });
      for (const keyPath of indexes.get(collection) ?? []) {
        store.createIndex([keyPath].flat().join('+'), keyPath);
      }
    }
  };
  const idb = await request(open);
  const stored = (doc: Record<string, unknown>, lwt: number) =>
    indexed ? { ...doc, _deleted: '0', _rev: '1-bench', _attachments: {}, _meta: { lwt } } : doc;
  let documents = 0;
  const t0 = performance.now();
  for (const [collection, docs] of collections) {
    for (let i = 0; i < docs.length; i += batch) {
      const tx = idb.transaction(collection, 'readwrite');
      const store = tx.objectStore(collection);
      const lwt = Date.now();
      for (const doc of docs.slice(i, i + batch)) store.put(stored(doc, lwt + documents));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      documents += Math.min(batch, docs.length - i);
    }
  }
  const ms = performance.now() - t0;
  idb.close();
  indexedDB.deleteDatabase(name);
  return { ms, documents, fetchMs };
};

/** The classic peer: PouchDB (IndexedDB adapter) replicating the share from PouchDB server. */
export const pouchReplicate = async (remoteUrl: string, batchSize: number) => {
  const local = new PouchDB(`bench_pouch_${Date.now()}`);
  const t0 = performance.now();
  const result = await PouchDB.replicate(remoteUrl, local, { batch_size: batchSize }).catch(
    (error: unknown) => {
      // PouchDB's errors are plain objects: keep their details across page.evaluate.
      throw new Error(`PouchDB replication failed: ${JSON.stringify(error)}`);
    },
  );
  const ms = performance.now() - t0;
  const info = await local.info();
  await local.destroy();
  return { ms, documents: info.doc_count, written: result.docs_written };
};
