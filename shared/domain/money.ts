// Money maths of DESIGN.md §3: integer minor units, rates in basis points, fractional
// quantities. Every product and division runs in BigInt so no floating-point drift can
// creep into an amount; only the final integers go back to `number`.
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { HeaderDiscount, Line, Totals, VatBreakdown } from './records';

/** Quantities carry at most this many decimals; more are rounded half-up first. */
export const QUANTITY_DECIMALS = 6;
const QUANTITY_SCALE = 10n ** BigInt(QUANTITY_DECIMALS);
const BASIS_POINTS = 10000n;

/** numerator / denominator rounded half away from zero (commercial rounding). */
export const roundHalfUpDiv = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
};

/**
 * A decimal number as an integer scaled by 10^digits, rounded half-up beyond that.
 * It reads the shortest decimal form of the number (what a person typed: 1.005 is 1.005,
 * not 1.00499999…), so the rounding is the decimal one people expect.
 */
export const scaleDecimal = (value: number, digits: number): bigint => {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(Math.abs(value).toString());
  if (match === null) throw new RangeError(`not a decimal number: ${value}`);
  const fraction = match[2] ?? '';
  const mantissa = BigInt((match[1] ?? '0') + fraction);
  const shift = Number(match[3] ?? 0) - fraction.length + digits;
  const scaled =
    shift >= 0 ? mantissa * 10n ** BigInt(shift) : roundHalfUpDiv(mantissa, 10n ** BigInt(-shift));
  return value < 0 ? -scaled : scaled;
};

/** A quantity rounded half-up to QUANTITY_DECIMALS decimals (what lines store and multiply). */
export const roundQuantity = (quantity: number): number =>
  Number(scaleDecimal(quantity, QUANTITY_DECIMALS)) / Number(QUANTITY_SCALE);

const assertMinor = (value: number, what: string): void => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer amount`);
};

/**
 * round-half-up(unitPrice × quantity) in minor units, exact. A quantity with more than
 * six decimals is first rounded half-up to six (the precision lines keep).
 */
export const grossAmount = (unitPrice: number, quantity: number): number => {
  assertMinor(unitPrice, 'unit price');
  const scaledQuantity = scaleDecimal(quantity, QUANTITY_DECIMALS);
  return Number(roundHalfUpDiv(BigInt(unitPrice) * scaledQuantity, QUANTITY_SCALE));
};

/** Line amount = round-half-up(unitPrice × quantity) − discount (DESIGN.md §3). */
export const lineAmount = (unitPrice: number, quantity: number, discount: number): number => {
  assertMinor(discount, 'discount');
  return grossAmount(unitPrice, quantity) - discount;
};

/** VAT on a taxable base: round-half-up(base × rate / 10000). */
export const vatOn = (base: number, rateBasisPoints: number): number =>
  Number(roundHalfUpDiv(BigInt(base) * BigInt(rateBasisPoints), BASIS_POINTS));

/** The header discount as an amount of a lines total. */
export const headerDiscountAmount = (
  linesTotal: number,
  headerDiscount: HeaderDiscount | null,
): number => {
  if (headerDiscount === null) return 0;
  if (headerDiscount.kind === 'amount') return headerDiscount.value;
  return Number(roundHalfUpDiv(BigInt(linesTotal) * BigInt(headerDiscount.value), BASIS_POINTS));
};

/** A header discount may not exceed the lines it discounts, nor be negative. */
export const validateHeaderDiscount = (
  linesTotal: number,
  headerDiscount: HeaderDiscount | null,
): Result<void> => {
  if (headerDiscount === null) return ok(undefined);
  if (!Number.isSafeInteger(headerDiscount.value) || headerDiscount.value < 0) {
    return fail(
      'money.header_discount_invalid',
      'The document discount must be a whole amount of zero or more.',
      'Lo sconto del documento deve essere un importo intero pari o superiore a zero.',
      'headerDiscount',
    );
  }
  if (headerDiscount.kind === 'percent' && headerDiscount.value > Number(BASIS_POINTS)) {
    return fail(
      'money.header_discount_percent_too_high',
      'The document discount cannot be more than 100%.',
      'Lo sconto del documento non può superare il 100%.',
      'headerDiscount',
    );
  }
  if (headerDiscountAmount(linesTotal, headerDiscount) > Math.max(linesTotal, 0)) {
    return fail(
      'money.header_discount_exceeds_lines',
      'The document discount is larger than the total of the lines.',
      'Lo sconto del documento supera il totale delle righe.',
      'headerDiscount',
    );
  }
  return ok(undefined);
};

/**
 * Splits `amount` in proportion to `weights` with the largest-remainder method, so the
 * shares add up to `amount` exactly. Ties go to the larger weight, then the earlier one.
 * With weights summing to zero the whole amount goes to the first weight.
 */
export const apportion = (amount: number, weights: readonly number[]): number[] => {
  if (weights.length === 0) return [];
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total === 0n) return weights.map((_, i) => (i === 0 ? amount : 0));
  // Normalise to a positive denominator so floor division and remainders are well defined.
  const sign = total < 0n ? -1n : 1n;
  const denominator = total * sign;
  const parts = weights.map((w, index) => {
    const numerator = BigInt(amount) * BigInt(w) * sign;
    let quotient = numerator / denominator;
    if (numerator % denominator !== 0n && numerator < 0n) quotient -= 1n; // floor
    return { index, weight: w, quotient, remainder: numerator - quotient * denominator };
  });
  let leftover = BigInt(amount) - parts.reduce((sum, p) => sum + p.quotient, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder !== b.remainder
      ? a.remainder > b.remainder
        ? -1
        : 1
      : b.weight - a.weight || a.index - b.index,
  );
  for (const part of byRemainder) {
    if (leftover <= 0n) break;
    part.quotient += 1n;
    leftover -= 1n;
  }
  return parts.map((p) => Number(p.quotient));
};

export type TotalsInput = {
  lines: readonly Pick<Line, 'amount' | 'vatRate'>[];
  headerDiscount: HeaderDiscount | null;
  freight: number;
  freightVatRate: number;
};

/**
 * Document totals. The header discount is apportioned across VAT rates in proportion to
 * their line bases; freight joins the base of its own rate; VAT is computed once per rate on
 * the summed taxable base (EN 16931, FatturaPA), never per line.
 */
export const computeTotals = (doc: TotalsInput): Totals => {
  const lineBases = new Map<number, number>();
  for (const line of doc.lines) {
    assertMinor(line.amount, 'line amount');
    lineBases.set(line.vatRate, (lineBases.get(line.vatRate) ?? 0) + line.amount);
  }
  const linesTotal = [...lineBases.values()].reduce((sum, b) => sum + b, 0);
  const discountTotal = headerDiscountAmount(linesTotal, doc.headerDiscount);
  const rates = [...lineBases.keys()].sort((a, b) => a - b);
  const shares = apportion(
    discountTotal,
    rates.map((r) => lineBases.get(r) ?? 0),
  );
  const bases = new Map<number, number>();
  rates.forEach((rate, i) => bases.set(rate, (lineBases.get(rate) ?? 0) - (shares[i] ?? 0)));
  if (rates.length === 0 && discountTotal !== 0) {
    // Only reachable with an invalid discount (see validateHeaderDiscount); keep Σ base exact.
    bases.set(doc.freightVatRate, -discountTotal);
  }
  if (doc.freight !== 0 || bases.has(doc.freightVatRate)) {
    bases.set(doc.freightVatRate, (bases.get(doc.freightVatRate) ?? 0) + doc.freight);
  }
  const vat: VatBreakdown[] = [...bases.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rate, base]) => ({ rate, base, tax: vatOn(base, rate) }));
  const taxableTotal = linesTotal - discountTotal + doc.freight;
  const vatTotal = vat.reduce((sum, v) => sum + v.tax, 0);
  return {
    linesTotal,
    discountTotal,
    freight: doc.freight,
    taxableTotal,
    vat,
    vatTotal,
    grandTotal: taxableTotal + vatTotal,
  };
};

/** Field-by-field equality of two totals, VAT breakdown included (order matters: by rate). */
export const totalsEqual = (a: Totals, b: Totals): boolean =>
  a.linesTotal === b.linesTotal &&
  a.discountTotal === b.discountTotal &&
  a.freight === b.freight &&
  a.taxableTotal === b.taxableTotal &&
  a.vatTotal === b.vatTotal &&
  a.grandTotal === b.grandTotal &&
  a.vat.length === b.vat.length &&
  a.vat.every((v, i) => {
    const w = b.vat[i];
    return w !== undefined && v.rate === w.rate && v.base === w.base && v.tax === w.tax;
  });

// ISO 4217 minor units that differ from the usual two.
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Number of minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3). */
export const currencyMinorDigits = (currency: string): number =>
  MINOR_DIGITS[currency.toUpperCase()] ?? 2;
