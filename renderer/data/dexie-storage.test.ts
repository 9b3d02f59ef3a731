// The device storage's reads by id (dexie-storage.ts): the same answers as Dexie's own, with
// one request instead of one per id where the store holds none of them; and RxDB, which
// reads before every write, still finds the documents it must not overwrite.
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { product } from '../../shared/domain/test-fixtures';
import type { FairleadDatabase } from './database';
import { sparseReads } from './dexie-storage';
import { loadDataset } from './load';
import { openTestDatabase, uniqueName } from './test-support';

const id = (n: number): string => `id-${String(n).padStart(5, '0')}`;

let dexie: Dexie | undefined;
let db: FairleadDatabase | undefined;
afterEach(async () => {
  dexie?.close();
  dexie = undefined;
  await db?.close();
  db = undefined;
  vi.restoreAllMocks();
});

/** A Dexie database shaped like RxDB's (a `docs` table keyed by id). */
const twoTables = async (held: readonly number[]) => {
  // Two connections to one database, as two windows have: one with the device storage's
  // reads, one with Dexie's own.
  const name = uniqueName('sparse');
  const open = async (sparse: boolean) => {
    const d = new Dexie(name, { indexedDB, IDBKeyRange });
    if (sparse) d.use(sparseReads);
    d.version(1).stores({ docs: 'id' });
    await d.open();
    return d;
  };
  const plain = await open(false);
  await plain.table('docs').bulkPut(held.map((n) => ({ id: id(n), n })));
  dexie = await open(true);
  return { plain: plain.table('docs'), sparse: dexie.table('docs'), close: () => plain.close() };
};

const countGets = () => vi.spyOn(IDBObjectStore.prototype, 'get');

describe('reads by id through the device storage', () => {
  it.each([
    ['none held', [], Array.from({ length: 100 }, (_, i) => i)],
    [
      'all held',
      Array.from({ length: 100 }, (_, i) => i),
      Array.from({ length: 100 }, (_, i) => i),
    ],
    [
      'some held, some asked twice',
      [3, 50, 97, 400],
      [...Array.from({ length: 60 }, (_, i) => i * 2), 50, 3],
    ],
    [
      'held ones outside the range asked',
      [1, 2, 500, 501],
      Array.from({ length: 40 }, (_, i) => 100 + i),
    ],
    [
      'a range crowded with held ids',
      Array.from({ length: 1000 }, (_, i) => i),
      Array.from({ length: 40 }, (_, i) => i * 25 + 1),
    ],
    ['fewer ids than the listing pays for', [1, 2], [1, 2, 3]],
  ] as const)('answers as Dexie does: %s', async (_, held, asked) => {
    const tables = await twoTables(held);
    try {
      const keys = asked.map(id);
      const expected = await tables.plain.bulkGet(keys);
      expect(await tables.sparse.bulkGet(keys)).toEqual(expected);
      expect(expected.filter(Boolean).length).toBe(
        asked.filter((n) => (held as readonly number[]).includes(n)).length,
      );
    } finally {
      tables.close();
    }
  });

  it('gets only the ids the store holds', async () => {
    const tables = await twoTables([10, 20]);
    try {
      const keys = Array.from({ length: 200 }, (_, i) => id(i));
      const gets = countGets();
      const found = await tables.sparse.bulkGet(keys);
      expect(found.filter(Boolean).map((d) => (d as { n: number }).n)).toEqual([10, 20]);
      expect(gets).toHaveBeenCalledTimes(2);
      gets.mockClear();
      await tables.plain.bulkGet(keys);
      expect(gets).toHaveBeenCalledTimes(200);
    } finally {
      tables.close();
    }
  });

  it('gets only the held ids where they are spread over a full table', async () => {
    // Ids 0, 2, 4, … held; every id from 0 to 199 asked: the range is crowded.
    const tables = await twoTables(Array.from({ length: 1000 }, (_, i) => i * 2));
    try {
      const keys = Array.from({ length: 200 }, (_, i) => id(i));
      const gets = countGets();
      const found = await tables.sparse.bulkGet(keys);
      expect(found.filter(Boolean)).toHaveLength(100);
      expect(gets).toHaveBeenCalledTimes(100);
    } finally {
      tables.close();
    }
  });

  it("follows this window's writes and deletes, and sees another window's", async () => {
    const tables = await twoTables(Array.from({ length: 1000 }, (_, i) => i * 2));
    try {
      const keys = Array.from({ length: 200 }, (_, i) => id(i));
      await tables.sparse.bulkGet(keys); // the held ids are known from here on
      await tables.sparse.bulkPut([{ id: id(1), n: 1 }]);
      await tables.sparse.bulkDelete([id(0)]);
      // Another window (its own connection, same database) writes one more.
      await tables.plain.bulkPut([{ id: id(3), n: 3 }]);
      const expected = await tables.plain.bulkGet(keys);
      const found = await tables.sparse.bulkGet(keys);
      expect(found).toEqual(expected);
      expect(found[0]).toBeUndefined();
      expect(found[1]).toEqual({ id: id(1), n: 1 });
      expect(found[3]).toEqual({ id: id(3), n: 3 });
    } finally {
      tables.close();
    }
  });

  it('still lets RxDB refuse to overwrite a document it holds among many new ones', async () => {
    db = await openTestDatabase(undefined, { devMode: false });
    await loadDataset(db, { product: [product(id(50), 'HELD-50')] });
    const instance = db.products.storageInstance;
    const [held] = await instance.findDocumentsById([id(50)], true);
    expect(held?.sku).toBe('HELD-50');
    const rows = Array.from({ length: 100 }, (_, i) => ({
      document: { ...held!, id: id(i), sku: `NEW-${i}`, _rev: '1-new', _meta: { lwt: Date.now() } },
    }));
    const result = await instance.bulkWrite(rows as never, 'dexie-storage-test');
    // Written as a fresh insert, the held one is a conflict: RxDB read it before the write.
    expect(result.error.map((e) => [e.documentId, e.status])).toEqual([[id(50), 409]]);
    const after = await instance.findDocumentsById([id(49), id(50), id(51)], true);
    expect(after.map((d) => d.sku).sort()).toEqual(['HELD-50', 'NEW-49', 'NEW-51']);
  });
});
