// Reads every live document of a collection page by page, for building the search index.
// RxDB's Dexie storage walks an IndexedDB cursor for queries, one step per document; a
// full read through Dexie's table (IDB getAll, by primary key) is far faster, so it is
// used when the storage is RxDB 17's Dexie storage, with paged RxDB queries otherwise.
import type { RxCollection } from 'rxdb';

type Row = { id: string; _deleted?: boolean; searchTerms: string[] };

type DexieTable = {
  where(index: string): { above(key: string): { limit(n: number): { toArray(): Promise<Row[]> } } };
};

const dexieTableOf = async (collection: RxCollection): Promise<DexieTable | null> => {
  const internals = (collection.storageInstance as unknown as { internals?: unknown }).internals;
  if (internals === undefined) return null;
  const state = (await internals) as { dexieTable?: DexieTable } | null;
  return state?.dexieTable ?? null;
};

export async function* scanSearchable(
  collection: RxCollection,
  pageSize: number,
): AsyncGenerator<{ id: string; searchTerms: string[] }[]> {
  const table = await dexieTableOf(collection);
  let after = '';
  for (;;) {
    const page: Row[] =
      table !== null
        ? await table.where(':id').above(after).limit(pageSize).toArray()
        : ((await collection
            .find({ selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: pageSize })
            .exec()) as unknown as Row[]);
    const last = page[page.length - 1];
    if (last === undefined) return;
    yield page.filter((row) => row._deleted !== true && Array.isArray(row.searchTerms));
    if (page.length < pageSize) return;
    after = last.id;
  }
}
