// Sums of amounts in several currencies, in the office's base currency (EUR). Each currency is
// summed first and converted once (as sumInBase), so a figure does not depend on the order of
// the records; a currency with no exchange rate is left out and named, never guessed.
import type { ExchangeRates } from '../domain/exchange';
import { convertToBase } from '../domain/exchange';

export type BaseSum = {
  /** Per currency, in its minor units. */
  readonly perCurrency: Map<string, number>;
};

export const emptySum = (): BaseSum => ({ perCurrency: new Map() });

export const addTo = (sum: BaseSum, amount: number, currency: string): void => {
  sum.perCurrency.set(currency, (sum.perCurrency.get(currency) ?? 0) + amount);
};

/** The sum in minor units of the base currency; currencies without a rate go to `missing`. */
export const inBase = (sum: BaseSum, rates: ExchangeRates, missing: Set<string>): number => {
  let total = 0;
  for (const currency of [...sum.perCurrency.keys()].sort()) {
    const converted = convertToBase(sum.perCurrency.get(currency) ?? 0, currency, rates);
    if (converted.ok) total += converted.value;
    else missing.add(currency);
  }
  return total;
};

/** amount × percent / 100 in minor units, rounded half-up (away from zero on halves). */
export const weightedAmount = (amount: number, percent: number): number => {
  const exact = (amount * percent) / 100;
  return Math.sign(exact) * Math.round(Math.abs(exact));
};

/** Groups values by key, keeping the order keys were first seen. */
export const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
};

export const sortedMissing = (missing: Set<string>): string[] => [...missing].sort();
