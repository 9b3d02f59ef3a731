// The manager's figures against a small team worked out by hand (dashboard-fixtures.ts):
// USD 1.25 per EUR (USD 500.00 = EUR 400.00), GBP 0.80 per EUR (GBP 1,000.00 = EUR 1,250.00).
import { describe, expect, it } from 'vitest';
import { defaultForecastCategory, forecastCategoryOf } from '../domain/forecast';
import { activities, invoices, leads, opportunities, rates, today } from './dashboard-fixtures';
import { weightedAmount } from './base-sum';
import {
  activitiesBySeller,
  forecastByMonth,
  leadFunnel,
  leadsBySource,
  leadsByTradeFair,
  overdueInvoices,
  periodOf,
  pipelineBySeller,
  pipelineByStage,
  winRates,
} from './index';

describe('forecast categories', () => {
  it('follow stage and probability until one is picked; closing decides Won and Lost', () => {
    const categories = opportunities.map((o) => [o.id, forecastCategoryOf(o)]);
    expect(Object.fromEntries(categories)).toEqual({
      o1: 'pipeline', // qualify, 20 %
      o2: 'best_case', // propose
      o3: 'commit', // close stage
      o4: 'commit', // develop at 40 %, but committed by hand
      o5: 'omitted', // on hold
      o6: 'won',
      o7: 'lost',
      o8: 'won', // picked Omitted while open; it was won since
      o9: 'pipeline',
      o10: 'pipeline',
    });
    const base = opportunities[0];
    if (base === undefined) throw new Error('fixture');
    expect(defaultForecastCategory({ ...base, probability: 50 })).toBe('best_case');
    expect(defaultForecastCategory({ ...base, probability: 80 })).toBe('commit');
  });
});

describe('pipeline', () => {
  it('by stage: open opportunities only, in EUR, the CHF one named for lack of a rate', () => {
    expect(pipelineByStage(opportunities, rates)).toEqual({
      currency: 'EUR',
      rows: [
        // o1 EUR 10,000.00 at 20 %, o10 EUR 1,000.00 at 10 %, o9 CHF (no rate).
        { stage: 'qualify', count: 3, amount: 1_100_000, weighted: 210_000 },
        // o4 EUR 2,000.00 at 40 %, o5 EUR 3,000.00 at 30 %.
        { stage: 'develop', count: 2, amount: 500_000, weighted: 170_000 },
        // o2 USD 500.00 = EUR 400.00; at 60 % USD 300.00 = EUR 240.00.
        { stage: 'propose', count: 1, amount: 40_000, weighted: 24_000 },
        // o3 GBP 1,000.00 = EUR 1,250.00; at 90 % GBP 900.00 = EUR 1,125.00.
        { stage: 'close', count: 1, amount: 125_000, weighted: 112_500 },
      ],
      missingRates: ['CHF'],
    });
  });

  it('by seller: the larger pipeline first', () => {
    expect(pipelineBySeller(opportunities, rates).rows).toEqual([
      { ownerId: 'A', count: 4, amount: 1_340_000, weighted: 314_000 },
      { ownerId: 'B', count: 3, amount: 425_000, weighted: 202_500 },
    ]);
  });

  it('weighs each amount half-up to the cent', () => {
    expect(weightedAmount(33_333, 15)).toBe(5_000); // 4,999.95
    expect(weightedAmount(-33_333, 15)).toBe(-5_000);
    expect(weightedAmount(10_001, 50)).toBe(5_001); // 5,000.5
  });
});

describe('forecast by close month', () => {
  const forecast = forecastByMonth(opportunities, rates);
  const zero = { pipeline: 0, best_case: 0, commit: 0, omitted: 0, won: 0, lost: 0 };

  it('puts open deals at their estimated and closed ones at their actual close month', () => {
    expect(forecast.rows).toEqual([
      { month: '2026-10', categories: { ...zero, won: 50_000 }, weighted: 50_000 },
      // o6 won USD 1,200.00 = EUR 960.00; o7 lost EUR 700.00 weighs nothing.
      { month: '2026-11', categories: { ...zero, won: 96_000, lost: 70_000 }, weighted: 96_000 },
      // o1 + o9 (CHF, left out), o2, o4: 2,000.00 + 800.00 + 240.00 weighted.
      {
        month: '2026-12',
        categories: { ...zero, pipeline: 1_000_000, best_case: 40_000, commit: 200_000 },
        weighted: 304_000,
      },
      // o3 committed, o5 on hold: omitted from the weighted revenue.
      {
        month: '2027-01',
        categories: { ...zero, commit: 125_000, omitted: 300_000 },
        weighted: 112_500,
      },
    ]);
    expect(forecast.undated).toBe(1); // o10 has no estimated close date
    expect(forecast.missingRates).toEqual(['CHF']);
  });

  it('totals each category over the months, each currency converted once', () => {
    expect(forecast.totals).toEqual({
      categories: {
        pipeline: 1_000_000,
        best_case: 40_000,
        commit: 325_000,
        omitted: 300_000,
        won: 146_000,
        lost: 70_000,
      },
      weighted: 562_500,
    });
  });

  it('keeps to the months asked for', () => {
    const december = forecastByMonth(opportunities, rates, { from: '2026-12', to: '2026-12' });
    expect(december.rows.map((r) => r.month)).toEqual(['2026-12']);
    expect(december.totals.weighted).toBe(304_000);
  });
});

describe('win rate and average deal size', () => {
  it('per seller and quarter', () => {
    expect(winRates(opportunities, rates, 'quarter').rows).toEqual([
      {
        ownerId: 'A',
        period: '2026-Q4',
        won: 1,
        lost: 0,
        winRate: 1,
        wonAmount: 96_000,
        averageDealSize: 96_000,
      },
      {
        ownerId: 'B',
        period: '2026-Q4',
        won: 1,
        lost: 1,
        winRate: 0.5,
        wonAmount: 50_000,
        averageDealSize: 50_000,
      },
    ]);
  });

  it('per seller and month, with no deal size where nothing was won', () => {
    const rows = winRates(opportunities, rates, 'month').rows;
    expect(rows.map((r) => [r.period, r.ownerId, r.winRate, r.averageDealSize])).toEqual([
      ['2026-10', 'B', 1, 50_000],
      ['2026-11', 'A', 1, 96_000],
      ['2026-11', 'B', 0, null],
    ]);
  });

  it('names periods by month, quarter and year', () => {
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-12-31', 'year')).toBe('2026');
  });
});

describe('leads', () => {
  it('funnel: lead → qualified → opportunity → won', () => {
    expect(leadFunnel(leads, opportunities)).toEqual([
      { step: 'lead', count: 7, fromPrevious: null },
      { step: 'qualified', count: 4, fromPrevious: 4 / 7 },
      // l1 and l3 through their qualified opportunity, l4 through o7's originating lead;
      // l7's opportunity is not on this device.
      { step: 'opportunity', count: 3, fromPrevious: 0.75 },
      { step: 'won', count: 1, fromPrevious: 1 / 3 },
    ]);
  });

  it('by source, every source listed', () => {
    expect(leadsBySource(leads)).toEqual([
      { source: 'trade_fair', count: 3, qualified: 2 },
      { source: 'web', count: 2, qualified: 1 },
      { source: 'email', count: 1, qualified: 0 },
      { source: 'referral', count: 1, qualified: 1 },
      { source: 'other', count: 0, qualified: 0 },
    ]);
  });

  it('by trade fair: the fair a lead carries, else its source detail', () => {
    expect(leadsByTradeFair(leads, new Map([['fair-1', 'HOST Milano']]))).toEqual([
      { key: 'detail:fiera milano 2026', name: 'Fiera Milano 2026', count: 2, qualified: 1 },
      { key: 'detail:eima', name: 'EIMA', count: 1, qualified: 1 },
      { key: 'fair-1', name: 'HOST Milano', count: 1, qualified: 0 },
    ]);
  });
});

describe('activities and invoices', () => {
  it('counts the work of each seller, not the system events', () => {
    const now = `${today}T00:00:00.000Z`;
    expect(activitiesBySeller(activities, now)).toEqual([
      {
        ownerId: 'A',
        byType: { note: 2, phone_call: 1, task: 1, email: 0, appointment: 0 },
        total: 4,
        overdue: 1,
      },
      {
        ownerId: 'B',
        byType: { note: 0, phone_call: 0, task: 0, email: 1, appointment: 1 },
        total: 2,
        overdue: 0,
      },
    ]);
    expect(activitiesBySeller(activities, now, '2026-06-01T00:00:00.000Z')[0]?.total).toBe(3);
  });

  it('lists what is owed past its due date, the oldest first, in EUR', () => {
    const overdue = overdueInvoices(invoices, today, rates);
    expect(
      overdue.rows.map((r) => [r.id, r.daysOverdue, r.balance, r.currency, r.balanceInBase]),
    ).toEqual([
      ['i1', 30, 70_000, 'EUR', 70_000], // EUR 1,000.00 less a payment of 300.00
      ['i2', 10, 50_000, 'USD', 40_000],
      ['i6', 1, 20_000, 'CHF', null],
    ]);
    expect(overdue.total).toBe(110_000);
    expect(overdue.missingRates).toEqual(['CHF']);
  });
});
