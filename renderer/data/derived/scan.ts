// Reads every live document of a collection page by page, for building derived state.
// RxDB's Dexie storage walks an IndexedDB cursor for queries, one step per document; a
// full read through Dexie's table (IDB getAll, by primary key) is far faster, so it is
// used when the store is RxDB 17's Dexie storage (with our validation, encrypted at rest or
// not: the encrypting storage opens each row it hands out), with paged RxDB queries otherwise.
import type { RxCollection } from 'rxdb';
import type { StoredRow } from '../rx-internals';
import { dexieTableOf } from '../rx-internals';

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
