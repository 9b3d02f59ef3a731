// The newest-first window over a store with leads spread over a year: the same rows as a full
// sort, counts on indexes, and a captured lead at the top of the live list.
import { filter as where, firstValueFrom, shareReplay } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../../shared/dataset/index';
import type { Lead } from '../../../shared/domain/records';
import { createStoreQueries } from '../../app/store-queries';
import { createCommands } from '../commands/index';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import { openTestDatabase, steppingClock, unwrap } from '../test-support';
import { leadCount$, leadList$ } from './lists';
import { recentFirst$ } from './recent-first';

const OWNER = '0190a000-0000-7000-8000-0000000000aa';
const NOW = Date.parse('2026-11-30T09:00:00.000Z');
let db: FairleadDatabase;
let leads: Lead[];

const newest = (rows: Lead[]) =>
  [...rows].sort((a, b) =>
    a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? -1 : 1,
  );

beforeAll(async () => {
  db = await openTestDatabase(undefined, { devMode: false });
  leads = [...generateLeads(7, 1500, [OWNER], { maxQualified: 0 })];
  await loadDataset(db, { lead: leads });
}, 300_000);
afterAll(async () => {
  await db.remove();
});

describe('newest-first window', () => {
  it('gives the rows of a full newest-first sort, with and without filters', async () => {
    const cases: [Record<string, unknown>, (l: Lead) => boolean][] = [
      [{}, () => true],
      [{ status: { $in: ['new', 'contacted'] } }, (l) => ['new', 'contacted'].includes(l.status)],
      // The rating keys the window, the source is matched on the rows it holds.
      [
        { rating: 'hot', source: 'trade_fair' },
        (l) => l.rating === 'hot' && l.source === 'trade_fair',
      ],
    ];
    for (const [selector, keep] of cases) {
      const expected = newest(leads.filter(keep));
      expect(expected.length).toBeGreaterThan(40);
      const page = await firstValueFrom(
        recentFirst$(db.leads, selector as never, { limit: 30, skip: 10 }, () => NOW),
      );
      expect(page.map((l) => l.id)).toEqual(expected.slice(10, 40).map((l) => l.id));
    }
  });

  it('counts leads on the indexes, and not when no index serves the filters', async () => {
    expect(await firstValueFrom(leadCount$(db))).toBe(leads.length);
    const open = leads.filter((l) => l.status === 'new' || l.status === 'contacted').length;
    expect(await firstValueFrom(leadCount$(db, { status: ['new', 'contacted'] }))).toBe(open);
    const hot = leads.filter((l) => l.rating === 'hot').length;
    expect(await firstValueFrom(leadCount$(db, { rating: 'hot' }))).toBe(hot);
    expect(await firstValueFrom(leadCount$(db, { rating: 'hot', source: 'web' }))).toBeNull();
  });

  it('puts a captured lead at the top of the live list, keeping its length', async () => {
    // One live list, open before the lead is captured, as on the leads screen.
    const list = leadList$(db, { limit: 25 }).pipe(shareReplay(1));
    const subscription = list.subscribe();
    const before = await firstValueFrom(list);
    expect(before.map((l) => l.id)).toEqual(
      newest(leads)
        .slice(0, 25)
        .map((l) => l.id),
    );
    const commands = createCommands(
      db,
      { userId: OWNER, role: 'seller', teamId: null },
      { clock: steppingClock('2026-11-30T10:00:00.000Z') },
    );
    try {
      const captured = unwrap(
        await commands.lead.create({
          firstName: 'Giulia',
          lastName: 'Fiera',
          company: 'Fiera Srl',
          email: 'giulia@fiera.example',
          source: 'trade_fair',
          sourceDetail: 'Fiera',
        }),
      );
      const after = await firstValueFrom(list.pipe(where((rows) => rows[0]?.id === captured.id)));
      expect(after.length).toBe(25);
      expect(after.slice(1).map((l) => l.id)).toEqual(before.slice(0, 24).map((l) => l.id));
    } finally {
      subscription.unsubscribe();
    }
  });

  it('serves the leads screen a page with its total and whether more rows match', async () => {
    const queries = createStoreQueries(db);
    const all = { text: '', state: 'all', rating: 'all', source: 'all' } as const;
    const total = await db.leads.count().exec();
    const first = await firstValueFrom(queries.leads(all, 100));
    expect(first.rows.length).toBe(100);
    expect(first.total).toBe(total);
    expect(first.hasMore).toBe(true);
    const wider = await firstValueFrom(queries.leads(all, 250));
    expect(wider.rows.slice(0, 100)).toEqual(first.rows);
    const mixed = await firstValueFrom(
      queries.leads({ ...all, state: 'open', rating: 'warm' }, 100_000),
    );
    expect(mixed.total).toBeNull();
    expect(mixed.hasMore).toBe(false);
    expect(mixed.rows.every((l) => l.rating === 'warm' && l.state === 'open')).toBe(true);
    // Text alone reads one page of records and counts the rest on the term index.
    const common = (leads[0] as Lead).company.split(' ')[0] as string;
    const full = await firstValueFrom(queries.leads({ ...all, text: common }, 5000));
    expect(full.total).toBe(full.rows.length);
    expect(full.hasMore).toBe(false);
    const one = await firstValueFrom(queries.leads({ ...all, text: common }, 1));
    expect(one.rows).toEqual(full.rows.slice(0, 1));
    expect(one.total).toBe(full.total);
    expect(one.hasMore).toBe((full.total ?? 0) > 1);
  });
});
