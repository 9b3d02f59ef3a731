// The sealed store on a real RxDB Dexie storage (fake-indexeddb): raw IndexedDB rows hold no
// personal value, and queries that name sealed fields still answer the same rows as a plain
// store.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../demo';
import type { Dataset } from '../../../shared/dataset/index';
import type { FairleadDatabase } from '../database';
import { leadList$, opportunityList$ } from '../queries/lists';
import { openTestDatabase, uniqueName } from '../test-support';
import { generateDataKey, importDataKey, exportDataKey } from './record-cipher';
import { SEALED_FIELD } from './encrypted-storage';

// Every row of every object store of every IndexedDB database whose name starts with prefix.
const rawRows = async (prefix: string): Promise<unknown[]> => {
  const rows: unknown[] = [];
  for (const info of await indexedDB.databases()) {
    if (info.name === undefined || !info.name.startsWith(prefix)) continue;
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(info.name as string);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const store of Array.from(idb.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = idb.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      rows.push(...all);
    }
    idb.close();
  }
  return rows;
};

const sizes = { leads: 120, accounts: 30, contacts: 40, opportunities: 30, activities: 60 };

// RxDB's open-source build allows 13 open collections per realm: one store at a time.
let sealedDb: FairleadDatabase;
let dataset: Dataset;
let plainText = '';
const sealedName = uniqueName('sealed');
const byName = { sort: 'name' as const, rating: 'hot' as const, limit: 15, skip: 3 };
const plainAnswers: Record<string, unknown> = {};

const answers = async (db: FairleadDatabase) => {
  const lead = dataset.leads[7];
  return {
    byName: await firstValueFrom(leadList$(db, byName)),
    owned: await firstValueFrom(
      leadList$(db, { ownerId: dataset.leads[0]?.ownerId ?? '', limit: 30 }),
    ),
    byEmail: (await db.leads.find({ selector: { email: lead?.email ?? '' } }).exec()).map(
      (d) => d.id,
    ),
    newCount: await db.leads.count({ selector: { status: 'new' } }).exec(),
    opportunities: await firstValueFrom(opportunityList$(db, { limit: 50 })),
    namedAfter: (
      await db.contacts
        .find({ selector: { lastName: { $gt: 'M' } }, sort: [{ lastName: 'desc' }], limit: 7 })
        .exec()
    ).map((d) => d.id),
  };
};

beforeAll(async () => {
  const plainDb = await openTestDatabase(uniqueName('plain'), { devMode: false, dataKey: null });
  dataset = (await loadDemoData(plainDb, sizes)) as Dataset;
  Object.assign(plainAnswers, await answers(plainDb));
  plainText = JSON.stringify(await rawRows(`rxdb-dexie-${plainDb.name}`));
  await plainDb.remove();
  const key = await importDataKey(await exportDataKey(await generateDataKey()));
  sealedDb = await openTestDatabase(sealedName, { devMode: false, dataKey: key });
  await loadDemoData(sealedDb, sizes);
}, 120_000);

afterAll(async () => {
  await sealedDb?.remove();
});

describe('encrypted store', () => {
  it('keeps no name, email or phone of a lead, account or contact in IndexedDB', async () => {
    await sealedDb.upsertLocal('draft', { note: 'Call Ottavia Quercetti back' });
    const text = JSON.stringify(await rawRows(`rxdb-dexie-${sealedName}`));
    expect(text.length).toBeGreaterThan(10_000);
    expect(text).toContain(SEALED_FIELD);
    const personal = [
      ...dataset.leads.slice(0, 20).flatMap((l) => [l.lastName, l.email, l.phone]),
      ...dataset.accounts.slice(0, 10).flatMap((a) => [a.name, a.email]),
      ...dataset.contacts.slice(0, 10).flatMap((c) => [c.lastName, c.email]),
    ].filter((v): v is string => typeof v === 'string' && v.length > 3);
    expect(personal.length).toBeGreaterThan(40);
    expect([...personal, 'Ottavia Quercetti'].filter((value) => text.includes(value))).toEqual([]);
    // The control: the plain store does hold them, so the scan above can fail.
    expect(personal.filter((value) => !plainText.includes(value))).toEqual([]);
  });

  it('answers lists and finds that read sealed fields with the same rows', async () => {
    const sealed = await answers(sealedDb);
    expect(sealed.byName.length).toBeGreaterThan(0);
    expect(sealed.owned.length).toBeGreaterThan(0);
    expect(sealed.byEmail).toHaveLength(1);
    expect(sealed.namedAfter).toHaveLength(7);
    expect(sealed).toEqual(plainAnswers);
  });

  it('reads back local documents and follows updates', async () => {
    await sealedDb.upsertLocal('draft', { note: 'second' });
    expect((await sealedDb.getLocal<{ note: string }>('draft'))?.get('note')).toBe('second');
    const lead = dataset.leads[3];
    const doc = await sealedDb.leads.findOne(lead?.id ?? '').exec();
    await doc?.incrementalPatch({ notes: 'Prefers calls after 5pm' });
    const again = await sealedDb.leads
      .find({ selector: { notes: 'Prefers calls after 5pm' } })
      .exec();
    expect(again.map((d) => d.id)).toEqual([lead?.id]);
  });

  it('refuses to open with another key, instead of showing wrong data', async () => {
    await sealedDb.close();
    const other = await openTestDatabase(sealedName, {
      devMode: false,
      dataKey: await generateDataKey(),
    });
    await expect(other.leads.find().exec()).rejects.toThrow();
    await other.remove();
  });
});

void indexedDB;
void IDBKeyRange;
