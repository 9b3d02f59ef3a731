import { firstValueFrom } from 'rxjs';
import { filter as where } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/dataset/index';
import { convertToBase } from '../../../shared/domain/exchange';
import type { Actor } from '../../../shared/domain/context';
import { createCommands } from '../commands/index';
import type { FairleadDatabase } from '../database';
import { loadDemoData } from '../demo';
import { openTestDatabase, unwrap } from '../test-support';
import { recordDetail$ } from './detail';
import { invoiceList$, leadList$, opportunityList$, quoteList$ } from './lists';
import { exchangeRatesOf, pipelineTotals$ } from './pipeline';
import { recentFirst$ } from './recent-first';

let db: FairleadDatabase;
let dataset: Dataset;
beforeAll(async () => {
  db = await openTestDatabase();
  dataset = (await loadDemoData(db)) as Dataset;
}, 300_000);
afterAll(async () => {
  await db.remove();
});

const ratingRank = { hot: 0, warm: 1, cold: 2 } as const;

describe('demo data', () => {
  it('loads every record of the generated dataset, once', async () => {
    expect(await db.leads.count().exec()).toBe(dataset.leads.length);
    expect(await db.invoices.count().exec()).toBe(dataset.invoices.length);
    expect(await db.activities.count().exec()).toBe(dataset.activities.length);
    expect(dataset.quotes.length).toBeGreaterThan(0);
    expect(await loadDemoData(db)).toBeNull();
  });
});

describe('lists', () => {
  it('filters leads by status, rating and source and sorts them', async () => {
    const newest = await firstValueFrom(leadList$(db, { status: 'new', limit: 20 }));
    expect(newest.length).toBe(20);
    expect(newest.every((l) => l.status === 'new')).toBe(true);
    expect(newest.map((l) => l.createdAt)).toEqual(
      newest
        .map((l) => l.createdAt)
        .sort()
        .reverse(),
    );
    const fairHot = await firstValueFrom(
      leadList$(db, { rating: 'hot', source: 'trade_fair', sort: 'name' }),
    );
    expect(fairHot.every((l) => l.rating === 'hot' && l.source === 'trade_fair')).toBe(true);
    const names = fairHot.map((l) => [l.lastName, l.firstName].join('\u0000'));
    expect(names).toEqual([...names].sort());
    const byRating = await firstValueFrom(leadList$(db, { sort: 'rating', limit: 400 }));
    const ranks = byRating.map((l) => ratingRank[l.rating]);
    expect(ranks).toEqual([...ranks].sort());
    const page2 = await firstValueFrom(leadList$(db, { sort: 'rating', limit: 10, skip: 10 }));
    expect(page2).toEqual(byRating.slice(10, 20));
  });

  it('pages newest first through widening windows, like a full sort', async () => {
    const all = dataset.leads
      .filter((l) => l.rating === 'warm')
      .sort((a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1));
    for (const now of [Date.parse('2026-11-30T12:00:00Z'), Date.parse('2031-01-01T00:00:00Z')]) {
      const page = await firstValueFrom(
        recentFirst$(db.leads, { rating: 'warm' }, { limit: 15, skip: 5 }, () => now),
      );
      expect(page.map((l) => l.createdAt)).toEqual(all.slice(5, 20).map((l) => l.createdAt));
    }
  });

  it('filters opportunities by stage, owner and close date, soonest first', async () => {
    const owner = dataset.opportunities[0]?.ownerId as string;
    const list = await firstValueFrom(
      opportunityList$(db, {
        stage: ['develop', 'propose'],
        ownerId: owner,
        closeFrom: '2000-01-01',
      }),
    );
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((o) => ['develop', 'propose'].includes(o.stage) && o.ownerId === owner)).toBe(
      true,
    );
    const dates = list.map((o) => o.estimatedCloseDate as string);
    expect(dates).toEqual([...dates].sort());
  });

  it('lists documents by state', async () => {
    const drafts = await firstValueFrom(quoteList$(db, { state: 'draft' }));
    expect(drafts.every((q) => q.state === 'draft')).toBe(true);
    const open = await firstValueFrom(invoiceList$(db, { state: ['active', 'paid'] }));
    expect(open.length).toBe(
      dataset.invoices.filter((i) => i.state === 'active' || i.state === 'paid').length,
    );
  });
});

describe('detail and pipeline', () => {
  it('shows a record with its timeline, newest first, and follows new activities', async () => {
    const lead = dataset.leads[0]!;
    const seller: Actor = { userId: lead.ownerId, role: 'seller', teamId: null };
    const commands = createCommands(db, seller);
    const live = recordDetail$(db, 'lead', lead.id);
    const before = await firstValueFrom(live);
    expect(before.record?.id).toBe(lead.id);
    const note = unwrap(
      await commands.activity.create({
        type: 'note',
        regardingType: 'lead',
        regardingId: lead.id,
        subject: 'Visto in fiera',
      }),
    );
    const after = await firstValueFrom(
      live.pipe(where((d) => d.timeline.some((a) => a.id === note.id))),
    );
    expect(after.timeline.length).toBe(before.timeline.length + 1);
    const times = after.timeline.map((a) => a.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('totals the open pipeline per stage in EUR', async () => {
    const totals = await firstValueFrom(pipelineTotals$(db));
    const rates = exchangeRatesOf(dataset.refdata);
    const open = dataset.opportunities.filter((o) => o.state === 'open');
    const expected = open.reduce((sum, o) => {
      const eur = convertToBase(o.estimatedRevenue, o.currency, rates);
      return eur.ok ? sum + eur.value : sum;
    }, 0);
    expect(totals.currency).toBe('EUR');
    expect(totals.missingRates).toEqual([]);
    expect(totals.total).toBe(expected);
    expect(totals.stages.map((s) => s.stage)).toEqual(['qualify', 'develop', 'propose', 'close']);
    expect(totals.stages.reduce((n, s) => n + s.count, 0)).toBe(open.length);
  });
});
