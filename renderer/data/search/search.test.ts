import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeadChunks } from '../../../shared/dataset/leads';
import type { Lead } from '../../../shared/domain/records';
import { matchesSearch, searchTermsForLead } from '../../../shared/domain/search';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import { openTestDatabase } from '../test-support';
import { searchRefs } from './search';

// The DESIGN.md §7 heavy device; FAIRLEAD_SEARCH_LEADS lowers it for a quick local run.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
const COUNT = Number(env?.['FAIRLEAD_SEARCH_LEADS'] ?? 100_000);
const owner = '0190a000-0000-7000-8000-000000000001';

let db: FairleadDatabase;
let sample: Lead;
beforeAll(async () => {
  // Dev-mode's per-document checks are covered elsewhere; this test is about volume.
  db = await openTestDatabase(undefined, { devMode: false });
  const started = Date.now();
  for (const chunk of generateLeadChunks(42, COUNT, [owner], 5000)) {
    await loadDataset(db, { lead: chunk }, { batchSize: 5000 });
  }
  console.info(`search test: ${COUNT} leads loaded in ${Date.now() - started} ms (not a budget)`);
  // One lead with accents everywhere, written among the generated ones.
  const base = (await db.leads.findOne().exec())?.toJSON() as Lead;
  const fields = { firstName: 'Nicolò', lastName: 'Zanardellì', company: 'Società Ünità Srl' };
  sample = { ...base, ...fields, id: 'accented-sample', email: 'n.zanardelli@unita.it' };
  sample = { ...sample, searchTerms: searchTermsForLead(sample) };
  await loadDataset(db, { lead: [sample] });
}, 900_000);
afterAll(async () => {
  await db.remove();
});

describe(`search over ${COUNT} generated leads`, () => {
  it('finds accented names from plain, partial, mixed-case and multi-word queries', async () => {
    for (const q of [
      'nicolo zanar',
      'Nicolò Zanardellì',
      'ZANARDELLI',
      'zanard',
      'societa unita nic',
      'n.zanardelli@unita',
    ]) {
      const refs = await searchRefs(db, q, { limit: 50 });
      expect(
        refs.map((r) => r.id),
        q,
      ).toContain('accented-sample');
    }
  }, 900_000);

  it('returns only records that match every word, up to the limit', async () => {
    const refs = await searchRefs(db, 'nicolo', { limit: 20 });
    expect(refs.length).toBeGreaterThan(0);
    const docs = await db.leads.findByIds(refs.map((r) => r.id)).exec();
    for (const doc of docs.values()) {
      expect(matchesSearch(doc.searchTerms, 'nicolo')).toBe(true);
      expect(doc.firstName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')).toMatch(
        /^nicolo/,
      );
    }
    expect(await searchRefs(db, 'qqqzzzxxx')).toEqual([]);
  });

  it('follows new and deleted records', async () => {
    const lead = { ...sample, id: 'late-arrival', firstName: 'Ægidius', lastName: 'Örnberg' };
    await db.leads.insert({ ...lead, searchTerms: searchTermsForLead(lead) });
    expect((await searchRefs(db, 'ornb')).map((r) => r.id)).toEqual(['late-arrival']);
    await (await db.leads.findOne('late-arrival').exec())?.remove();
    expect(await searchRefs(db, 'ornb')).toEqual([]);
  });
});
