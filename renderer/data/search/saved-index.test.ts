import { afterEach, describe, expect, it } from 'vitest';
import { generateLeads } from '../../../shared/dataset';
import type { Lead } from '../../../shared/domain/records';
import { searchTermsForLead } from '../../../shared/domain/search';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import { openTestDatabase, uniqueName } from '../test-support';
import { prepareSearch, saveSearchIndex, searchRefs } from './search';

const owner = '0190a000-0000-7000-8000-000000000001';
let db: FairleadDatabase | undefined;
afterEach(async () => {
  if (db !== undefined && !db.closed) await db.remove();
});

const withTerms = (lead: Lead): Lead => ({ ...lead, searchTerms: searchTermsForLead(lead) });

describe('the search index saved in the store', () => {
  it('answers after a restart from the saved index, with the edits made after it was saved', async () => {
    const name = uniqueName();
    db = await openTestDatabase(name, { devMode: false });
    await loadDataset(db, { lead: generateLeads(21, 400, [owner]) });
    const [renamed, removed] = await db.leads.find({ limit: 2 }).exec();
    const oldEmail = renamed?.email as string;
    await prepareSearch(db);
    expect((await searchRefs(db, oldEmail, { limit: 400 })).map((r) => r.id)).toContain(
      renamed?.id,
    );
    await saveSearchIndex(db);
    // Saved in the compact form a start-up reads back without work per record.
    const saved = (await db.getLocal<{ ids: string }>('fairlead-search-lead-index'))?.toJSON();
    expect(saved?.data.ids.split('\n')).toHaveLength(400);

    // Edited and captured after the last save, then the window closes at once.
    const edited = withTerms({
      ...(renamed?.toJSON() as Lead),
      lastName: 'Quarzanti',
      email: 'q@quarzanti.it',
    });
    await renamed?.incrementalPatch({
      lastName: edited.lastName,
      email: edited.email,
      searchTerms: edited.searchTerms,
    });
    await removed?.remove();
    const late = withTerms({
      ...(generateLeads(22, 1, [owner]).next().value as Lead),
      id: 'late-lead',
      lastName: 'Zeffirelli',
    });
    await db.leads.insert(late);
    await db.close();

    db = await openTestDatabase(name, { devMode: false });
    expect((await searchRefs(db, 'quarzan')).map((r) => r.id)).toEqual([renamed?.id]);
    expect((await searchRefs(db, 'zeffir')).map((r) => r.id)).toEqual(['late-lead']);
    expect((await searchRefs(db, oldEmail, { limit: 400 })).map((r) => r.id)).not.toContain(
      renamed?.id,
    );
    const removedTerms = (removed?.toJSON() as Lead).email;
    expect((await searchRefs(db, removedTerms)).map((r) => r.id)).not.toContain(removed?.id);
  });

  it('removes what the older format saved once the index is rebuilt and saved', async () => {
    db = await openTestDatabase(uniqueName(), { devMode: false });
    await loadDataset(db, { lead: generateLeads(23, 50, [owner]) });
    await db.upsertLocal('fairlead-search-lead-3', { json: '[]' });
    await db.upsertLocal('fairlead-search-terms', { format: 1, json: '[]' });
    await db.upsertLocal('fairlead-search-lead-head', { format: 1, checkpoint: null });
    await prepareSearch(db);
    await saveSearchIndex(db);
    expect(await db.getLocal('fairlead-search-lead-3')).toBeNull();
    expect(await db.getLocal('fairlead-search-terms')).toBeNull();
    expect((await searchRefs(db, 'a', { limit: 100 })).length).toBeGreaterThan(0);
  });
});
