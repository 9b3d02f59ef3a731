// Currency conversion for pipeline totals across currencies (DESIGN.md §3): the office's
// rates convert to one base currency (EUR). Exact in BigInt, rounded half-up once.
import type { Result } from './errors';
import { fail, ok } from './errors';
import { currencyMinorDigits, roundHalfUpDiv, scaleDecimal } from './money';

/** rates[C] = units of C per 1 unit of base (ECB style: EUR base, USD 1.08). */
export type ExchangeRates = { base: string; rates: Readonly<Record<string, number>> };

// Rates are read as the decimal the office typed, up to 10 decimals (ECB publishes 4–5).
const RATE_DECIMALS = 10;

const missingRate = (currency: string, base: string): Result<never> =>
  fail(
    'exchange.rate_missing',
    `There is no exchange rate from ${currency} to ${base}.`,
    `Manca il tasso di cambio da ${currency} a ${base}.`,
    'currency',
  );

const scaledRate = (currency: string, rates: ExchangeRates): bigint | null => {
  const rate = rates.rates[currency];
  if (rate === undefined || !Number.isFinite(rate) || rate <= 0) return null;
  const scaled = scaleDecimal(rate, RATE_DECIMALS);
  return scaled > 0n ? scaled : null;
};

const toBaseExact = (amount: bigint, currency: string, rate: bigint, base: string): bigint => {
  // amount / 10^dC major units of C = amount / 10^dC / rate major units of base.
  const numerator =
    amount * 10n ** BigInt(currencyMinorDigits(base)) * 10n ** BigInt(RATE_DECIMALS);
  const denominator = 10n ** BigInt(currencyMinorDigits(currency)) * rate;
  return roundHalfUpDiv(numerator, denominator);
};

/** Minor units of `currency` → minor units of the base currency, rounded half-up. */
export const convertToBase = (
  amount: number,
  currency: string,
  rates: ExchangeRates,
): Result<number> => {
  if (!Number.isSafeInteger(amount)) {
    return fail(
      'exchange.amount_invalid',
      'The amount must be a whole number of minor units.',
      "L'importo deve essere un numero intero di centesimi.",
      'amount',
    );
  }
  if (currency === rates.base) return ok(amount);
  const rate = scaledRate(currency, rates);
  if (rate === null) return missingRate(currency, rates.base);
  return ok(Number(toBaseExact(BigInt(amount), currency, rate, rates.base)));
};

/**
 * Sum of amounts in several currencies, in minor units of the base currency. Amounts are
 * first summed per currency and each sum converted once, so the result does not depend on
 * the order of the amounts and rounds at most once per currency.
 */
export const sumInBase = (
  amounts: readonly { amount: number; currency: string }[],
  rates: ExchangeRates,
): Result<number> => {
  const perCurrency = new Map<string, number>();
  for (const { amount, currency } of amounts) {
    perCurrency.set(currency, (perCurrency.get(currency) ?? 0) + amount);
  }
  let total = 0;
  for (const [currency, amount] of [...perCurrency.entries()].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const converted = convertToBase(amount, currency, rates);
    if (!converted.ok) return converted;
    total += converted.value;
  }
  return ok(total);
};

/** Minor units of one currency → minor units of another, through the base currency's rates. */
export const convertBetween = (
  amount: number,
  from: string,
  to: string,
  rates: ExchangeRates,
): Result<number> => {
  if (from === to) return ok(amount);
  if (to === rates.base) return convertToBase(amount, from, rates);
  const target = scaledRate(to, rates);
  if (target === null) return missingRate(to, rates.base);
  if (!Number.isSafeInteger(amount)) return convertToBase(amount, from, rates);
  const source = from === rates.base ? 10n ** BigInt(RATE_DECIMALS) : scaledRate(from, rates);
  if (source === null) return missingRate(from, rates.base);
  // amount / 10^dFrom / source × target major units of `to`, one rounding at the end.
  const numerator = BigInt(amount) * 10n ** BigInt(currencyMinorDigits(to)) * target;
  const denominator = 10n ** BigInt(currencyMinorDigits(from)) * source;
  return ok(Number(roundHalfUpDiv(numerator, denominator)));
};
