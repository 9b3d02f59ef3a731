// The kept sums against the full computations: built from the hand-worked team, then moved
// record by record through creates, edits, stage changes, closings, deletions and random
// sequences of them, they read the same figures as a computation over every record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../dataset';
import type { ExchangeRates } from '../domain/exchange';
import type { Activity, Invoice, Lead, Opportunity } from '../domain/records';
import { aggregateFigures } from './aggregate-figures';
import { DashboardAggregates } from './aggregates';
import * as fixtures from './dashboard-fixtures';
import { activityEntryOf, invoiceEntryOf, leadEntryOf, opportunityEntryOf } from './entries';
import type { Period } from './index';
import { recordFigures } from './record-figures';

type Records = {
  opportunity: Map<string, Opportunity>;
  lead: Map<string, Lead>;
  activity: Map<string, Activity>;
  invoice: Map<string, Invoice>;
};
type Kind = keyof Records;
type RecordOfKind = { opportunity: Opportunity; lead: Lead; activity: Activity; invoice: Invoice };

const orNone = <T>(entry: T | null): T | undefined => entry ?? undefined;

/** The records as the store holds them, and the sums following every write, as the device. */
class Team {
  readonly records: Records = {
    opportunity: new Map(),
    lead: new Map(),
    activity: new Map(),
    invoice: new Map(),
  };
  readonly aggregates = new DashboardAggregates();

  put<K extends Kind>(kind: K, record: RecordOfKind[K]) {
    this.follow(kind, record.id, record);
  }

  remove(kind: Kind, id: string) {
    this.follow(kind, id, undefined);
  }

  private follow(kind: Kind, id: string, next: { id: string } | undefined) {
    const map = this.records[kind] as Map<string, unknown>;
    const before = map.get(id);
    if (next === undefined) map.delete(id);
    else map.set(id, next);
    const a = this.aggregates;
    if (kind === 'opportunity') {
      const entry = (r: unknown) =>
        r === undefined ? undefined : opportunityEntryOf(r as Opportunity);
      a.opportunity(id, entry(before), entry(next));
    } else if (kind === 'lead') {
      const entry = (r: unknown) => (r === undefined ? undefined : leadEntryOf(r as Lead));
      a.lead(id, entry(before), entry(next));
    } else if (kind === 'activity') {
      const entry = (r: unknown) =>
        r === undefined ? undefined : orNone(activityEntryOf(r as Activity));
      a.activity(entry(before), entry(next));
    } else {
      a.invoice(id, next === undefined ? undefined : orNone(invoiceEntryOf(next as Invoice)));
    }
  }

  // A full read lists records by id, as the store's queries do.
  private all<K extends Kind>(kind: K) {
    const map = this.records[kind] as Map<string, { id: string }>;
    return [...map.values()].sort((x, y) => (x.id < y.id ? -1 : 1)) as never[];
  }

  full(rates: ExchangeRates, period: Period, now: Date) {
    const records = {
      opportunities: this.all('opportunity'),
      leads: this.all('lead'),
      activities: this.all('activity'),
      invoices: this.all('invoice'),
    };
    return recordFigures(records, rates, period, now);
  }
}

const now = new Date(`${fixtures.today}T00:00:00.000Z`);
const periods: Period[] = ['month', 'quarter', 'year'];

const expectSame = (team: Team, rates: ExchangeRates = fixtures.rates) => {
  for (const period of periods) {
    expect(aggregateFigures(team.aggregates, rates, period, now)).toEqual(
      team.full(rates, period, now),
    );
  }
};

const handTeam = (): Team => {
  const team = new Team();
  for (const o of fixtures.opportunities) team.put('opportunity', o);
  for (const l of fixtures.leads) team.put('lead', l);
  for (const a of fixtures.activities) team.put('activity', a);
  for (const i of fixtures.invoices) team.put('invoice', i);
  return team;
};

const get = <T>(map: Map<string, T>, id: string): T => {
  const found = map.get(id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
};

describe('the dashboard sums kept record by record', () => {
  it('read the hand-worked figures', () => {
    const team = handTeam();
    expectSame(team);
    const figures = aggregateFigures(team.aggregates, fixtures.rates, 'quarter', now);
    expect(figures.byStage.rows[0]).toEqual({
      stage: 'qualify',
      count: 3,
      amount: 1_100_000,
      weighted: 210_000,
    });
    expect(figures.funnel.map((r) => r.count)).toEqual([7, 4, 3, 1]);
    expect(figures.overdue.total).toBe(110_000);
  });

  it('follow creates, edits, stage changes, closings and deletions', () => {
    const team = handTeam();
    const {
      opportunity: opps,
      lead: leads,
      invoice: invoices,
      activity: activities,
    } = team.records;
    const steps: [string, () => void][] = [
      [
        'create',
        () =>
          team.put('opportunity', { ...get(opps, 'o1'), id: 'o11', ownerId: 'C', currency: 'GBP' }),
      ],
      [
        'edit amount',
        () => team.put('opportunity', { ...get(opps, 'o2'), estimatedRevenue: 77_777 }),
      ],
      [
        'stage change',
        () => team.put('opportunity', { ...get(opps, 'o1'), stage: 'propose', probability: 55 }),
      ],
      [
        'close won',
        () =>
          team.put('opportunity', {
            ...get(opps, 'o4'),
            state: 'won',
            status: 'won',
            actualRevenue: 210_000,
            actualCloseDate: '2026-12-01',
          }),
      ],
      [
        'close lost',
        () =>
          team.put('opportunity', {
            ...get(opps, 'o3'),
            state: 'lost',
            status: 'out_sold',
            probability: 0,
            actualCloseDate: '2026-12-01',
          }),
      ],
      [
        'reopen',
        () =>
          team.put('opportunity', {
            ...get(opps, 'o7'),
            state: 'open',
            status: 'in_progress',
            actualCloseDate: null,
          }),
      ],
      ['the last CHF deal goes', () => team.remove('opportunity', 'o9')],
      [
        'lead qualified',
        () =>
          team.put('lead', {
            ...get(leads, 'l2'),
            state: 'qualified',
            qualifiedOpportunityId: 'o10',
          }),
      ],
      [
        'fair renamed on its first lead',
        () => team.put('lead', { ...get(leads, 'l1'), sourceDetail: 'FIERA MILANO 2026' }),
      ],
      ['first lead of a fair deleted', () => team.remove('lead', 'l1')],
      ['lead deleted', () => team.remove('lead', 'l5')],
      ['task done', () => team.put('activity', { ...get(activities, 'a3'), state: 'completed' })],
      ['activity deleted', () => team.remove('activity', 'a4')],
      [
        'invoice paid',
        () =>
          team.put('invoice', {
            ...get(invoices, 'i2'),
            payments: [{ id: 'p2', date: '2026-11-30', method: 'bank_transfer', amount: 50_000 }],
          }),
      ],
      ['invoice deleted', () => team.remove('invoice', 'i1')],
    ];
    for (const [, step] of steps) {
      step();
      expectSame(team);
    }
    // The CHF deal gone, no pipeline names CHF for want of a rate.
    const figures = aggregateFigures(team.aggregates, fixtures.rates, 'quarter', now);
    expect(figures.byStage.missingRates).toEqual([]);
    expect(figures.fairs.find((f) => f.key === 'detail:fiera milano 2026')?.name).toBe(
      'fiera milano 2026',
    );
  });

  it('match a full computation after any sequence of changes to a generated team', () => {
    const dataset = generateDataset({
      seed: 17,
      sellers: 4,
      teams: 1,
      leads: 60,
      accounts: 30,
      contacts: 30,
      opportunities: 40,
      quotes: 0,
      orders: 10,
      invoices: 15,
      activities: 60,
    });
    const rates: ExchangeRates = { base: 'EUR', rates: { USD: 1.1, GBP: 0.85 } };
    const stages = ['qualify', 'develop', 'propose', 'close'] as const;
    const change = fc.oneof(
      fc.record({
        kind: fc.constant('stage' as const),
        at: fc.nat(),
        to: fc.constantFrom(...stages),
      }),
      fc.record({
        kind: fc.constant('amount' as const),
        at: fc.nat(),
        to: fc.integer({ min: 0, max: 5_000_000 }),
      }),
      fc.record({
        kind: fc.constant('close' as const),
        at: fc.nat(),
        to: fc.constantFrom('won', 'lost'),
      }),
      fc.record({
        kind: fc.constant('owner' as const),
        at: fc.nat(),
        to: fc.constantFrom('A', 'B'),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        to: fc.constantFrom<Kind>('opportunity', 'lead', 'activity', 'invoice'),
      }),
      fc.record({
        kind: fc.constant('restore' as const),
        at: fc.nat(),
        to: fc.constantFrom<Kind>('opportunity', 'lead'),
      }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), (changes) => {
        const team = new Team();
        for (const o of dataset.opportunities) team.put('opportunity', o);
        for (const l of dataset.leads) team.put('lead', l);
        for (const a of dataset.activities) team.put('activity', a);
        for (const i of dataset.invoices) team.put('invoice', i);
        const pick = <T>(items: T[], at: number): T | undefined =>
          items[at % Math.max(1, items.length)];
        for (const c of changes) {
          const o = pick([...team.records.opportunity.values()], c.at);
          if (c.kind === 'delete') {
            const ids = [...team.records[c.to].keys()];
            const id = pick(ids, c.at);
            if (id !== undefined) team.remove(c.to, id);
          } else if (c.kind === 'restore') {
            const gone: { id: string }[] =
              c.to === 'opportunity' ? dataset.opportunities : dataset.leads;
            const back = pick(gone, c.at);
            if (back !== undefined) team.put(c.to, back as never);
          } else if (o !== undefined) {
            if (c.kind === 'stage') team.put('opportunity', { ...o, stage: c.to });
            if (c.kind === 'amount') team.put('opportunity', { ...o, estimatedRevenue: c.to });
            if (c.kind === 'owner') team.put('opportunity', { ...o, ownerId: c.to });
            if (c.kind === 'close')
              team.put('opportunity', {
                ...o,
                state: c.to,
                status: c.to === 'won' ? 'won' : 'out_sold',
                actualRevenue: c.to === 'won' ? o.estimatedRevenue : null,
                actualCloseDate: '2026-10-15',
              });
          }
        }
        for (const period of periods) {
          expect(aggregateFigures(team.aggregates, rates, period, now)).toEqual(
            team.full(rates, period, now),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
