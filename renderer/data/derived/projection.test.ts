import { afterEach, describe, expect, it } from 'vitest';
import type { RxCollection } from 'rxdb';
import { generateLeads } from '../../../shared/dataset';
import type { Lead } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import { openTestDatabase, uniqueName } from '../test-support';
import { setBulkLoad } from './bulk-load';
import { openProjection } from './projection';

const owner = '0190a000-0000-7000-8000-000000000001';
const open: FairleadDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) if (!db.closed) await db.remove();
});

const openStore = async (name: string): Promise<FairleadDatabase> => {
  const db = await openTestDatabase(name, { devMode: false });
  open.push(db);
  return db;
};

// The company of every lead, keyed by id: a small stand-in for the search terms.
const companies = (db: FairleadDatabase) =>
  openProjection<string>(db, db.leads as unknown as RxCollection, {
    key: 'test-companies',
    format: 1,
    valueOf: (doc) => (typeof doc['company'] === 'string' ? doc['company'] : null),
  });

const storedCompanies = async (db: FairleadDatabase) =>
  new Map((await db.leads.find().exec()).map((d) => [d.id, d.company]));

describe('derived state saved in the store', () => {
  it('is read back at the next start instead of rescanning, with the changes made since', async () => {
    const name = uniqueName();
    let db = await openStore(name);
    await loadDataset(db, { lead: generateLeads(7, 300, [owner]) });
    let live = companies(db);
    await live.ready;
    expect(live.loadedFrom()).toBe('scan');
    expect(live.values).toEqual(await storedCompanies(db));
    await live.flush();

    // Edits after the last save: closed before the state was saved again.
    const [first, second] = await db.leads.find({ limit: 2 }).exec();
    await first?.incrementalPatch({ company: 'Officine Brambilla Srl' });
    await second?.remove();
    const late = { ...(generateLeads(8, 1, [owner]).next().value as Lead), id: 'late-lead' };
    await db.leads.insert(late);
    await db.close();

    db = await openStore(name);
    live = companies(db);
    await live.ready;
    expect(live.loadedFrom()).toBe('saved');
    expect(live.values.get(first?.id ?? '')).toBe('Officine Brambilla Srl');
    expect(live.values.has(second?.id ?? '')).toBe(false);
    expect(live.values.get('late-lead')).toBe(late.company);
    expect(live.values).toEqual(await storedCompanies(db));
  });

  it('skips the pages of a bulk load and is rebuilt once when it ends', async () => {
    const db = await openStore(uniqueName());
    const live = companies(db);
    await live.ready;
    let versions = 0;
    live.version$.subscribe(() => versions++);
    const before = versions;
    setBulkLoad(db, true);
    const pulled = [...generateLeads(9, 500, [owner])];
    for (let i = 0; i < pulled.length; i += 100) {
      await db.leads.storageInstance.bulkWrite(
        pulled.slice(i, i + 100).map((lead) => ({
          document: {
            ...lead,
            _deleted: false,
            _rev: '1-a',
            _attachments: {},
            _meta: { lwt: Date.now() },
          },
        })) as never,
        'replication-downstream-test',
      );
    }
    // A lead captured meanwhile is followed at once.
    const captured = { ...(pulled[0] as Lead), id: 'captured-at-the-booth', company: 'Fiera Srl' };
    await db.leads.insert(captured);
    expect(live.values.get('captured-at-the-booth')).toBe('Fiera Srl');
    expect(live.values.size).toBe(1);
    expect(versions - before).toBe(1);

    setBulkLoad(db, false);
    await expect.poll(() => live.values.size).toBe(501);
    expect(live.values).toEqual(await storedCompanies(db));
    expect(versions - before).toBe(2);
  });
});
