import { describe, expect, it } from 'vitest';
import { generateLeads } from '../../../shared/dataset';
import { searchTermsForLead } from '../../../shared/domain/search';
import { SearchIndex } from './search-index';
import type { SearchRef } from './term-index';
import { TermIndex } from './term-index';

const owner = '0190a000-0000-7000-8000-000000000001';
const leads = [...generateLeads(5, 600, [owner])].map((l) => ({
  id: l.id,
  terms: searchTermsForLead(l),
}));
const queries = ['ros', 'ma', 'b', 'srl', 'gmail', 'mar ros', '3', 'zz-nothing'];
const ids = (refs: SearchRef[]) => refs.map((r) => `${r.type}:${r.id}`).sort();

describe('the term index saved in a compact form', () => {
  it('answers as the changing index does after a save, a read back and later edits', () => {
    const plain = new TermIndex();
    const saved = new SearchIndex();
    for (const { id, terms } of leads) {
      plain.put({ type: 'lead', id }, terms);
      saved.put({ type: 'lead', id }, terms);
    }
    const data = saved.fold('lead');
    expect(data).not.toBeNull();
    // Through the store as JSON, as a local document holds it.
    const restored = new SearchIndex();
    restored.restore('lead', JSON.parse(JSON.stringify(data)));
    expect(restored.changedCount('lead')).toBe(0);

    // Edits after the save: one record renamed, one removed, one new, an account added.
    const [renamed, removed] = leads;
    for (const index of [plain, restored]) {
      index.put({ type: 'lead', id: renamed?.id ?? '' }, ['quarzanti', 'q@quarzanti.it']);
      index.remove({ type: 'lead', id: removed?.id ?? '' });
      index.put({ type: 'lead', id: 'late-lead' }, ['zeffirelli', 'rossana']);
      index.put({ type: 'account', id: 'acc-1' }, ['rossi', 'srl']);
    }
    expect(restored.changedCount('lead')).toBe(2);
    for (const q of queries) {
      expect(ids(restored.search(q, 10_000)), q).toEqual(ids(plain.search(q, 10_000)));
      expect(restored.search(q, 7).length, q).toBe(plain.search(q, 7).length);
      expect(ids(restored.search(q, 10_000, ['account'])), q).toEqual(
        ids(plain.search(q, 10_000, ['account'])),
      );
    }
    expect(restored.search('quarzan', 5)).toEqual([{ type: 'lead', id: renamed?.id }]);
    expect(ids(restored.search(renamed?.terms[0] ?? '', 10_000))).not.toContain(
      `lead:${renamed?.id}`,
    );
    expect(ids(restored.search(removed?.terms[0] ?? '', 10_000))).not.toContain(
      `lead:${removed?.id}`,
    );

    // Folded again, the edits are part of the saved form.
    const again = new SearchIndex();
    again.restore('lead', JSON.parse(JSON.stringify(restored.fold('lead'))));
    expect(again.search('zeffir', 5)).toEqual([{ type: 'lead', id: 'late-lead' }]);
    expect(ids(again.search('ros', 10_000, ['lead']))).toEqual(
      ids(plain.search('ros', 10_000, ['lead'])),
    );
  });

  it('lists matches in the order of their matching term across saved and changed records', () => {
    const index = new SearchIndex();
    index.put({ type: 'lead', id: 'b' }, ['rosso']);
    index.put({ type: 'lead', id: 'a' }, ['rossi']);
    index.fold('lead');
    index.put({ type: 'lead', id: 'c' }, ['rossa']);
    index.put({ type: 'contact', id: 'd' }, ['rosse']);
    expect(index.search('ross', 10).map((r) => r.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(index.search('ross', 2).map((r) => r.id)).toEqual(['c', 'd']);
  });

  it('refuses a damaged saved form, so the records are scanned instead', () => {
    const index = new SearchIndex();
    index.put({ type: 'lead', id: 'a' }, ['rossi']);
    const data = index.fold('lead');
    expect(() =>
      new SearchIndex().restore('lead', { ...(data as object), ids: 'a\nb' } as never),
    ).toThrow();
  });
});
