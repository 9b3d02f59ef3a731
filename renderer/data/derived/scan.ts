// Reads every live document of a collection page by page, for building derived state.
// RxDB's Dexie storage walks an IndexedDB cursor for queries, one step per document; a
// full read through Dexie's table (IDB getAll, by primary key) is far faster, so it is
// used when the store is plain RxDB 17 Dexie storage (with our validation), with paged RxDB
// queries otherwise (e.g. under an encrypting storage, whose rows only RxDB can read).
import type { RxCollection } from 'rxdb';

export type StoredRow = { id: string; _deleted?: boolean } & Record<string, unknown>;

type DexieTable = {
  where(index: string): {
    above(key: string): { limit(n: number): { toArray(): Promise<StoredRow[]> } };
  };
};

const PLAIN_DEXIE = 'validate-zod-dexie';

const dexieTableOf = async (collection: RxCollection): Promise<DexieTable | null> => {
  if (collection.database.storage.name !== PLAIN_DEXIE) return null;
  const internals = (collection.storageInstance as unknown as { internals?: unknown }).internals;
  if (internals === undefined) return null;
  const state = (await internals) as { dexieTable?: DexieTable } | null;
  return state?.dexieTable ?? null;
};

export async function* scanLiveRows(
  collection: RxCollection,
  pageSize: number,
): AsyncGenerator<StoredRow[]> {
  const table = await dexieTableOf(collection);
  let after = '';
  for (;;) {
    const page: StoredRow[] =
      table !== null
        ? await table.where(':id').above(after).limit(pageSize).toArray()
        : ((
            await collection
              .find({ selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: pageSize })
              .exec()
          ).map((d) => d.toJSON()) as unknown as StoredRow[]);
    const last = page[page.length - 1];
    if (last === undefined) return;
    yield page.filter((row) => row._deleted !== true);
    if (page.length < pageSize) return;
    after = last.id;
  }
}
