// Win rate and average deal size per seller and period, from the opportunities closed in it:
// win rate = won ÷ (won + lost); average deal size = actual revenue won ÷ deals won.
import type { ExchangeRates } from '../domain/exchange';
import type { Opportunity } from '../domain/records';
import { addTo, emptySum, groupBy, inBase, sortedMissing } from './base-sum';

export type Period = 'month' | 'quarter' | 'year';

export type WinRateRow = {
  ownerId: string;
  /** 2026-11, 2026-Q4 or 2026. */
  period: string;
  won: number;
  lost: number;
  /** 0…1; null when nothing closed. */
  winRate: number | null;
  /** Actual revenue won, minor units of the base currency. */
  wonAmount: number;
  /** wonAmount ÷ won, rounded to a minor unit; null with no deal won. */
  averageDealSize: number | null;
};

type Closed = Pick<
  Opportunity,
  'state' | 'ownerId' | 'actualCloseDate' | 'actualRevenue' | 'estimatedRevenue' | 'currency'
>;

/** The period a date (YYYY-MM-DD) falls in. */
export const periodOf = (date: string, period: Period): string => {
  const year = date.slice(0, 4);
  if (period === 'year') return year;
  if (period === 'month') return date.slice(0, 7);
  return `${year}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
};

/** Rows per seller and period, by period then seller. */
export const winRates = (
  opportunities: readonly Closed[],
  rates: ExchangeRates,
  period: Period,
): { currency: string; rows: WinRateRow[]; missingRates: string[] } => {
  const closed = opportunities.filter((o) => o.state !== 'open' && o.actualCloseDate !== null);
  const missing = new Set<string>();
  const groups = groupBy(
    closed,
    (o) => `${periodOf(o.actualCloseDate ?? '', period)}\u0000${o.ownerId}`,
  );
  const rows = [...groups].map(([key, group]) => {
    const [periodKey = '', ownerId = ''] = key.split('\u0000');
    const won = group.filter((o) => o.state === 'won');
    const sum = emptySum();
    for (const o of won) addTo(sum, o.actualRevenue ?? o.estimatedRevenue, o.currency);
    const wonAmount = inBase(sum, rates, missing);
    return {
      ownerId,
      period: periodKey,
      won: won.length,
      lost: group.length - won.length,
      winRate: group.length === 0 ? null : won.length / group.length,
      wonAmount,
      averageDealSize: won.length === 0 ? null : Math.round(wonAmount / won.length),
    };
  });
  rows.sort((a, b) =>
    a.period !== b.period ? (a.period < b.period ? -1 : 1) : a.ownerId < b.ownerId ? -1 : 1,
  );
  return { currency: rates.base, rows, missingRates: sortedMissing(missing) };
};
