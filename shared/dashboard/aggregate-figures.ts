// The manager's figures read from the kept sums (aggregates.ts): the same rows, in the same
// order, as the full computations over the records (pipeline.ts, forecast.ts, win-rate.ts,
// leads.ts, activities.ts, invoices.ts), which stay the reference the tests hold them to.
import type { ExchangeRates } from '../domain/exchange';
import { convertToBase } from '../domain/exchange';
import type { ForecastCategory } from '../domain/forecast';
import { forecastCategories } from '../domain/forecast';
import { leadSources, opportunityStages } from '../domain/records';
import type { ActivityRow } from './activities';
import type { DashboardAggregates, MoneyGroup } from './aggregates';
import { lowerBound, pair } from './aggregates';
import type { BaseSum } from './base-sum';
import { inBase, sortedMissing } from './base-sum';
import type { Forecast, ForecastMonthRow } from './forecast';
import type { FairRow, FunnelRow, SourceRow } from './leads';
import { byFairSize, funnelRows } from './leads';
import type { OverdueRow } from './invoices';
import { daysBetween } from './invoices';
import type { Figures, SellerPipelineRow, StageRow } from './pipeline';
import type { Period, WinRateRow } from './win-rate';
import { periodOf } from './win-rate';

type Measure = 'amount' | 'weighted';

const sumOf = (groups: readonly (MoneyGroup | undefined)[], measure: Measure): BaseSum => {
  const perCurrency = new Map<string, number>();
  for (const group of groups) {
    for (const [currency, totals] of group?.perCurrency ?? []) {
      perCurrency.set(currency, (perCurrency.get(currency) ?? 0) + totals[measure]);
    }
  }
  return { perCurrency };
};

const pipelineRow = (
  group: MoneyGroup | undefined,
  rates: ExchangeRates,
  missing: Set<string>,
) => ({
  count: group?.count ?? 0,
  amount: inBase(sumOf([group], 'amount'), rates, missing),
  weighted: inBase(sumOf([group], 'weighted'), rates, missing),
});

export const pipelineByStageOf = (
  a: DashboardAggregates,
  rates: ExchangeRates,
): Figures<StageRow> => {
  const missing = new Set<string>();
  const rows = opportunityStages.map((stage) => ({
    stage,
    ...pipelineRow(a.openByStage.get(stage), rates, missing),
  }));
  return { currency: rates.base, rows, missingRates: sortedMissing(missing) };
};

export const pipelineBySellerOf = (
  a: DashboardAggregates,
  rates: ExchangeRates,
): Figures<SellerPipelineRow> => {
  const missing = new Set<string>();
  const rows = [...a.openByOwner].map(([ownerId, group]) => ({
    ownerId,
    ...pipelineRow(group, rates, missing),
  }));
  rows.sort((x, y) => y.amount - x.amount || (x.ownerId < y.ownerId ? -1 : 1));
  return { currency: rates.base, rows, missingRates: sortedMissing(missing) };
};

export const forecastOf = (a: DashboardAggregates, rates: ExchangeRates): Forecast => {
  const missing = new Set<string>();
  const figures = (groupsOf: (c: ForecastCategory) => (MoneyGroup | undefined)[]) => {
    const all = forecastCategories.flatMap(groupsOf);
    return {
      categories: Object.fromEntries(
        forecastCategories.map((c) => [c, inBase(sumOf(groupsOf(c), 'amount'), rates, missing)]),
      ) as Record<ForecastCategory, number>,
      weighted: inBase(sumOf(all, 'weighted'), rates, missing),
    };
  };
  const months = [...new Set([...a.forecast.keys()].map((k) => k.split('\u0000')[0] ?? ''))].sort();
  const rows: ForecastMonthRow[] = months.map((month) => ({
    month,
    ...figures((c) => [a.forecast.get(pair(month, c))]),
  }));
  const totals = figures((c) => months.map((month) => a.forecast.get(pair(month, c))));
  return {
    currency: rates.base,
    rows,
    totals,
    undated: a.undated,
    missingRates: sortedMissing(missing),
  };
};

export const winRatesOf = (
  a: DashboardAggregates,
  rates: ExchangeRates,
  period: Period,
): { currency: string; rows: WinRateRow[]; missingRates: string[] } => {
  // Months and owners into the periods asked for.
  const periods = new Map<
    string,
    { ownerId: string; period: string; closed: number; won: MoneyGroup[] }
  >();
  for (const [key, closed] of a.closed) {
    const [month = '', ownerId = ''] = key.split('\u0000');
    const periodKey = periodOf(`${month}-01`, period);
    const at = pair(periodKey, ownerId);
    const row = periods.get(at) ?? { ownerId, period: periodKey, closed: 0, won: [] };
    row.closed += closed;
    const won = a.won.get(key);
    if (won !== undefined) row.won.push(won);
    periods.set(at, row);
  }
  const missing = new Set<string>();
  const rows = [...periods.values()].map((p) => {
    const won = p.won.reduce((n, g) => n + g.count, 0);
    const wonAmount = inBase(sumOf(p.won, 'amount'), rates, missing);
    return {
      ownerId: p.ownerId,
      period: p.period,
      won,
      lost: p.closed - won,
      winRate: p.closed === 0 ? null : won / p.closed,
      wonAmount,
      averageDealSize: won === 0 ? null : Math.round(wonAmount / won),
    };
  });
  rows.sort((x, y) =>
    x.period !== y.period ? (x.period < y.period ? -1 : 1) : x.ownerId < y.ownerId ? -1 : 1,
  );
  return { currency: rates.base, rows, missingRates: sortedMissing(missing) };
};

export const funnelOf = (a: DashboardAggregates): FunnelRow[] => {
  // As a full read: a lead's own qualified opportunity when on the device, else the last
  // opportunity (by id) made from the lead.
  const stateOf = (leadId: string, opportunityId: string | null) => {
    const own = opportunityId === null ? undefined : a.opportunityStates.get(opportunityId);
    if (own !== undefined) return own;
    let last: string | undefined;
    for (const id of a.originating.get(leadId) ?? [])
      if (last === undefined || id > last) last = id;
    return last === undefined ? undefined : a.opportunityStates.get(last);
  };
  let withOpportunity = 0;
  let won = 0;
  for (const [leadId, opportunityId] of a.qualifiedLeads) {
    const state = stateOf(leadId, opportunityId);
    if (state === undefined) continue;
    withOpportunity += 1;
    if (state === 'won') won += 1;
  }
  return funnelRows([a.leadCount, a.qualifiedLeads.size, withOpportunity, won]);
};

export const leadsBySourceOf = (a: DashboardAggregates): SourceRow[] =>
  leadSources.map((source) => ({
    source,
    count: a.bySource.get(source)?.count ?? 0,
    qualified: a.bySource.get(source)?.qualified ?? 0,
  }));

export const leadsByTradeFairOf = (a: DashboardAggregates): FairRow[] =>
  [...a.fairs]
    .sort(([, x], [, y]) => (x.first.id < y.first.id ? -1 : 1))
    .map(([key, g]) => ({ key, name: g.first.name, count: g.count, qualified: g.qualified }))
    .sort(byFairSize);

/** Per owner, the busiest first; overdue counts the open tasks due before `now`. */
export const activitiesOf = (a: DashboardAggregates, now: string): ActivityRow[] =>
  [...a.work]
    .map(([ownerId, w]) => ({
      ownerId,
      byType: { ...w.byType },
      total: w.total,
      overdue: lowerBound(w.dues, now),
    }))
    .sort((x, y) => y.total - x.total || (x.ownerId < y.ownerId ? -1 : 1));

export const overdueInvoicesOf = (a: DashboardAggregates, today: string, rates: ExchangeRates) => {
  const missing = new Set<string>();
  const rows: OverdueRow[] = [];
  for (const [id, i] of a.owed) {
    if (i.dueDate >= today) continue;
    const converted = convertToBase(i.balance, i.currency, rates);
    if (!converted.ok) missing.add(i.currency);
    rows.push({
      id,
      number: i.number,
      ownerId: i.ownerId,
      accountId: i.accountId,
      dueDate: i.dueDate,
      daysOverdue: daysBetween(i.dueDate, today),
      balance: i.balance,
      currency: i.currency,
      balanceInBase: converted.ok ? converted.value : null,
    });
  }
  rows.sort((x, y) => y.daysOverdue - x.daysOverdue || (x.number < y.number ? -1 : 1));
  const total = rows.reduce((sum, r) => sum + (r.balanceInBase ?? 0), 0);
  return { currency: rates.base, rows, total, missingRates: sortedMissing(missing) };
};

/** Every report of the dashboard at `now`, from the kept sums. */
export const aggregateFigures = (
  a: DashboardAggregates,
  rates: ExchangeRates,
  period: Period,
  now: Date,
) => ({
  byStage: pipelineByStageOf(a, rates),
  bySeller: pipelineBySellerOf(a, rates),
  forecast: forecastOf(a, rates),
  winRates: winRatesOf(a, rates, period),
  funnel: funnelOf(a),
  sources: leadsBySourceOf(a),
  fairs: leadsByTradeFairOf(a),
  activities: activitiesOf(a, now.toISOString()),
  overdue: overdueInvoicesOf(a, now.toISOString().slice(0, 10), rates),
});
