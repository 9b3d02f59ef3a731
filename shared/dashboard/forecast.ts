// The forecast by close month: revenue per forecast category and the weighted revenue. Open
// opportunities count at their estimated close date, closed ones at their actual close date.
// Weighted revenue is estimated revenue × probability for Pipeline, Best case and Commit, the
// actual revenue for Won, nothing for Omitted and Lost.
import type { ExchangeRates } from '../domain/exchange';
import type { ForecastCategory } from '../domain/forecast';
import { forecastCategories, forecastCategoryOf } from '../domain/forecast';
import type { Opportunity } from '../domain/records';
import type { BaseSum } from './base-sum';
import { addTo, emptySum, inBase, sortedMissing, weightedAmount } from './base-sum';

export type ForecastMonthRow = {
  /** YYYY-MM */
  month: string;
  /** Revenue per category, minor units of the base currency. */
  categories: Record<ForecastCategory, number>;
  weighted: number;
};

export type Forecast = {
  currency: string;
  rows: ForecastMonthRow[];
  totals: Omit<ForecastMonthRow, 'month'>;
  /** Open opportunities with no estimated close date: in no month. */
  undated: number;
  missingRates: string[];
};

export type Forecasted = Pick<
  Opportunity,
  | 'state'
  | 'status'
  | 'stage'
  | 'probability'
  | 'forecastCategory'
  | 'estimatedRevenue'
  | 'actualRevenue'
  | 'currency'
  | 'estimatedCloseDate'
  | 'actualCloseDate'
>;

type Sums = { categories: Record<ForecastCategory, BaseSum>; weighted: BaseSum };

const emptySums = (): Sums => ({
  categories: Object.fromEntries(forecastCategories.map((c) => [c, emptySum()])) as Record<
    ForecastCategory,
    BaseSum
  >,
  weighted: emptySum(),
});

export const revenueOf = (o: Forecasted): number =>
  o.state === 'won' ? (o.actualRevenue ?? o.estimatedRevenue) : o.estimatedRevenue;

export const weightedOf = (o: Forecasted, category: ForecastCategory): number => {
  if (category === 'won') return revenueOf(o);
  if (category === 'lost' || category === 'omitted') return 0;
  return weightedAmount(o.estimatedRevenue, o.probability);
};

export const monthOf = (o: Forecasted): string | null =>
  (o.state === 'open' ? o.estimatedCloseDate : o.actualCloseDate)?.slice(0, 7) ?? null;

const add = (sums: Sums, o: Forecasted, category: ForecastCategory): void => {
  addTo(sums.categories[category], revenueOf(o), o.currency);
  addTo(sums.weighted, weightedOf(o, category), o.currency);
};

const figures = (sums: Sums, rates: ExchangeRates, missing: Set<string>) => ({
  categories: Object.fromEntries(
    forecastCategories.map((c) => [c, inBase(sums.categories[c], rates, missing)]),
  ) as Record<ForecastCategory, number>,
  weighted: inBase(sums.weighted, rates, missing),
});

/** Forecast per close month, oldest month first; `months` limits it to those months. */
export const forecastByMonth = (
  opportunities: readonly Forecasted[],
  rates: ExchangeRates,
  months?: { from: string; to: string },
): Forecast => {
  const perMonth = new Map<string, Sums>();
  const total = emptySums();
  let undated = 0;
  for (const o of opportunities) {
    const month = monthOf(o);
    if (month === null) {
      undated += 1;
      continue;
    }
    if (months !== undefined && (month < months.from || month > months.to)) continue;
    const category = forecastCategoryOf(o);
    let sums = perMonth.get(month);
    if (sums === undefined) perMonth.set(month, (sums = emptySums()));
    add(sums, o, category);
    add(total, o, category);
  }
  const missing = new Set<string>();
  const rows = [...perMonth.keys()]
    .sort()
    .map((month) => ({ month, ...figures(perMonth.get(month) ?? emptySums(), rates, missing) }));
  return {
    currency: rates.base,
    rows,
    totals: figures(total, rates, missing),
    undated,
    missingRates: sortedMissing(missing),
  };
};
