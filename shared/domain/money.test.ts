import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  apportion,
  computeTotals,
  currencyMinorDigits,
  grossAmount,
  headerDiscountAmount,
  lineAmount,
  roundHalfUpDiv,
  roundQuantity,
  scaleDecimal,
  totalsEqual,
  validateHeaderDiscount,
  vatOn,
} from './money';
import type { HeaderDiscount, Totals } from './records';
import { totalsSchema } from './records';

// Independent reference: half away from zero on exact integers, written differently.
const refRound = (n: bigint, d: bigint): bigint => {
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = an / ad;
  return sign * (2n * (an % ad) >= ad ? q + 1n : q);
};

const italianRates = [0, 400, 500, 1000, 2200] as const;

describe('roundHalfUpDiv', () => {
  it('rounds half away from zero', () => {
    expect(roundHalfUpDiv(5n, 2n)).toBe(3n);
    expect(roundHalfUpDiv(-5n, 2n)).toBe(-3n);
    expect(roundHalfUpDiv(5n, -2n)).toBe(-3n);
    expect(roundHalfUpDiv(7n, 3n)).toBe(2n);
    expect(roundHalfUpDiv(-7n, -3n)).toBe(2n);
    expect(roundHalfUpDiv(0n, 7n)).toBe(0n);
    expect(() => roundHalfUpDiv(1n, 0n)).toThrow(RangeError);
  });

  it('matches the reference on random integers', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).filter((d) => d !== 0n),
        (n, d) => {
          expect(roundHalfUpDiv(n, d)).toBe(refRound(n, d));
        },
      ),
    );
  });
});

describe('scaleDecimal and quantities', () => {
  it('reads the decimal as written, not its binary approximation', () => {
    expect(scaleDecimal(1.005, 2)).toBe(101n);
    expect(scaleDecimal(0.285, 3)).toBe(285n);
    expect(scaleDecimal(-2.5, 0)).toBe(-3n);
    expect(scaleDecimal(1e21, 0)).toBe(10n ** 21n);
    expect(scaleDecimal(1e-7, 6)).toBe(0n);
    expect(scaleDecimal(5e-7, 6)).toBe(1n);
    expect(() => scaleDecimal(Number.NaN, 2)).toThrow(RangeError);
  });

  it('rounds quantities to six decimals, half-up', () => {
    expect(roundQuantity(1.0000025)).toBe(1.000003);
    expect(roundQuantity(2.5)).toBe(2.5);
    expect(roundQuantity(0.1234564)).toBe(0.123456);
  });
});

describe('lineAmount', () => {
  it('rounds the gross half-up and subtracts the discount', () => {
    expect(lineAmount(12990, 3, 970)).toBe(38000);
    expect(lineAmount(1234, 2.5, 0)).toBe(3085);
    expect(lineAmount(333, 0.5, 0)).toBe(167); // 166.5 → 167
    expect(lineAmount(100, 1.0000049, 0)).toBe(100); // quantity rounds to 1.000005 first
  });

  it('does not suffer float drift where naive maths does', () => {
    // 100 × 0.285 is 28.499999999999996 in binary floating point.
    expect(Math.round(100 * 0.285)).toBe(28);
    expect(lineAmount(100, 0.285, 0)).toBe(29);
    expect(grossAmount(1999, 1.15)).toBe(2299); // 2298.85
  });

  it('refuses amounts that are not integers', () => {
    expect(() => lineAmount(10.5, 1, 0)).toThrow(RangeError);
    expect(() => lineAmount(10, 1, 0.5)).toThrow(RangeError);
  });

  it('equals a BigInt reference over thousands of random lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unitPrice: fc.integer({ min: 0, max: 1_000_000_000 }),
            micro: fc.integer({ min: 1, max: 10_000_000_000 }), // quantity × 10^6
            discount: fc.integer({ min: 0, max: 1000 }),
          }),
          { minLength: 1000, maxLength: 3000 },
        ),
        (lines) => {
          let reference = 0n;
          let total = 0;
          for (const { unitPrice, micro, discount } of lines) {
            const expected =
              refRound(BigInt(unitPrice) * BigInt(micro), 1_000_000n) - BigInt(discount);
            const amount = lineAmount(unitPrice, micro / 1e6, discount);
            expect(BigInt(amount)).toBe(expected);
            reference += expected;
            total += amount;
          }
          expect(BigInt(total)).toBe(reference);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('apportion', () => {
  it('gives leftover units to the largest remainders', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7054, [10000, 3085, 128000])).toEqual([500, 154, 6400]);
    expect(apportion(5, [0, 0])).toEqual([5, 0]);
    expect(apportion(5, [])).toEqual([]);
    expect(apportion(-10, [1, 2])).toEqual([-3, -7]);
    expect(apportion(10, [-1, -1])).toEqual([5, 5]);
  });

  it('always adds up and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.array(fc.integer({ min: 0, max: 1e11 }), { minLength: 1, maxLength: 8 }),
        (amount, weights) => {
          const shares = apportion(amount, weights);
          expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
          const total = weights.reduce((s, w) => s + w, 0);
          if (total === 0) return;
          shares.forEach((share, i) => {
            const exactTimesTotal = BigInt(amount) * BigInt(weights[i] ?? 0);
            const floor = exactTimesTotal / BigInt(total);
            expect(BigInt(share) === floor || BigInt(share) === floor + 1n).toBe(true);
          });
        },
      ),
    );
  });
});

describe('computeTotals: a hand-computed Italian invoice', () => {
  // Lines at 22%, 10% and 4% with a 5% header discount and €15.00 freight at 22%.
  const lines = [
    { amount: lineAmount(45000, 2, 0), vatRate: 2200 }, // pallet truck: 900.00
    { amount: lineAmount(12990, 3, 970), vatRate: 2200 }, // office chairs: 389.70 − 9.70
    { amount: lineAmount(2500, 4, 0), vatRate: 400 }, // technical manuals (books): 100.00
    { amount: lineAmount(1234, 2.5, 0), vatRate: 1000 }, // catering: 30.85
  ];
  const totals = computeTotals({
    lines,
    headerDiscount: { kind: 'percent', value: 500 },
    freight: 1500,
    freightVatRate: 2200,
  });

  it('gives the totals an accountant would', () => {
    expect(totals).toEqual({
      linesTotal: 141085,
      discountTotal: 7054, // 7054.25 → 7054
      freight: 1500,
      taxableTotal: 135531,
      vat: [
        { rate: 400, base: 9500, tax: 380 }, // 10000 − 500 of the discount
        { rate: 1000, base: 2931, tax: 293 }, // 3085 − 154; 293.1 → 293
        { rate: 2200, base: 123100, tax: 27082 }, // 128000 − 6400 + 1500 freight
      ],
      vatTotal: 27755,
      grandTotal: 163286,
    } satisfies Totals);
    expect(totalsSchema.parse(totals)).toEqual(totals);
  });

  it('rounds VAT half-up on the summed base, not per line', () => {
    // Three lines of €3.35 at 22%: per line 0.737 → 0.74 ×3 = 2.22; on the base 10.05 → 2.21.
    const t = computeTotals({
      lines: [2200, 2200, 2200].map((vatRate) => ({ amount: 335, vatRate })),
      headerDiscount: null,
      freight: 0,
      freightVatRate: 2200,
    });
    expect(t.vat).toEqual([{ rate: 2200, base: 1005, tax: 221 }]);
    expect(vatOn(1025, 2200)).toBe(226); // 225.5 → 226
  });

  it('applies an amount discount and omits empty rates', () => {
    const t = computeTotals({
      lines: [
        { amount: 10000, vatRate: 2200 },
        { amount: 0, vatRate: 1000 },
      ],
      headerDiscount: { kind: 'amount', value: 1000 },
      freight: 0,
      freightVatRate: 400,
    });
    expect(t.vat).toEqual([
      { rate: 1000, base: 0, tax: 0 },
      { rate: 2200, base: 9000, tax: 1980 },
    ]);
    expect(t.grandTotal).toBe(10980);
  });

  it('taxes freight alone on a document with no lines', () => {
    const t = computeTotals({
      lines: [],
      headerDiscount: null,
      freight: 1000,
      freightVatRate: 2200,
    });
    expect(t.vat).toEqual([{ rate: 2200, base: 1000, tax: 220 }]);
    const empty = computeTotals({
      lines: [],
      headerDiscount: null,
      freight: 0,
      freightVatRate: 2200,
    });
    expect(empty.vat).toEqual([]);
    expect(empty.grandTotal).toBe(0);
  });

  it('keeps the sums exact even for an invalid discount on no lines', () => {
    const t = computeTotals({
      lines: [],
      headerDiscount: { kind: 'amount', value: 500 },
      freight: 0,
      freightVatRate: 2200,
    });
    expect(t.taxableTotal).toBe(t.vat.reduce((s, v) => s + v.base, 0));
  });
});

describe('validateHeaderDiscount', () => {
  it('accepts no discount, 100% and the full amount', () => {
    expect(validateHeaderDiscount(1000, null).ok).toBe(true);
    expect(validateHeaderDiscount(1000, { kind: 'percent', value: 10000 }).ok).toBe(true);
    expect(validateHeaderDiscount(1000, { kind: 'amount', value: 1000 }).ok).toBe(true);
  });

  it('refuses a discount above the lines total, in plain words', () => {
    const r = validateHeaderDiscount(1000, { kind: 'amount', value: 1001 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'money.header_discount_exceeds_lines', field: 'headerDiscount' },
    });
    if (!r.ok) expect(r.error.message.it).toContain('sconto');
    expect(validateHeaderDiscount(1000, { kind: 'percent', value: 10001 })).toMatchObject({
      ok: false,
      error: { code: 'money.header_discount_percent_too_high' },
    });
    expect(validateHeaderDiscount(0, { kind: 'amount', value: 1 }).ok).toBe(false);
  });

  it('refuses a negative or fractional discount', () => {
    expect(validateHeaderDiscount(1000, { kind: 'amount', value: -1 })).toMatchObject({
      ok: false,
      error: { code: 'money.header_discount_invalid' },
    });
    expect(validateHeaderDiscount(1000, { kind: 'amount', value: 1.5 }).ok).toBe(false);
  });
});

const lineArb = fc.record({
  amount: fc.integer({ min: 0, max: 1e10 }),
  vatRate: fc.oneof(fc.constantFrom(...italianRates), fc.integer({ min: 0, max: 10000 })),
});

const docArb = fc
  .record({
    lines: fc.array(lineArb, { maxLength: 60 }),
    discountKind: fc.constantFrom('percent', 'amount', 'none'),
    discountFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    freight: fc.integer({ min: 0, max: 1e7 }),
    freightVatRate: fc.constantFrom(...italianRates),
  })
  .map(({ lines, discountKind, discountFraction, freight, freightVatRate }) => {
    const linesTotal = lines.reduce((s, l) => s + l.amount, 0);
    const headerDiscount: HeaderDiscount | null =
      discountKind === 'none'
        ? null
        : discountKind === 'percent'
          ? { kind: 'percent', value: Math.floor(discountFraction * 10000) }
          : { kind: 'amount', value: Math.floor(discountFraction * linesTotal) };
    return { lines, headerDiscount, freight, freightVatRate };
  });

describe('computeTotals properties', () => {
  it('totals always equal the sum of their parts', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const t = computeTotals(doc);
        const linesTotal = doc.lines.reduce((s, l) => s + BigInt(l.amount), 0n);
        expect(BigInt(t.linesTotal)).toBe(linesTotal);
        expect(validateHeaderDiscount(t.linesTotal, doc.headerDiscount).ok).toBe(true);
        expect(t.taxableTotal).toBe(t.linesTotal - t.discountTotal + t.freight);
        expect(t.taxableTotal).toBe(t.vat.reduce((s, v) => s + v.base, 0));
        expect(t.vatTotal).toBe(t.vat.reduce((s, v) => s + v.tax, 0));
        expect(t.grandTotal).toBe(t.taxableTotal + t.vatTotal);
        expect(t.discountTotal).toBe(headerDiscountAmount(t.linesTotal, doc.headerDiscount));
        // The apportioned discount shares add up to the discount.
        const apportioned = t.vat.reduce((sum, v) => {
          const lineBase = doc.lines
            .filter((l) => l.vatRate === v.rate)
            .reduce((s, l) => s + l.amount, 0);
          const freight = v.rate === doc.freightVatRate ? doc.freight : 0;
          return sum + (lineBase + freight - v.base);
        }, 0);
        expect(apportioned).toBe(t.discountTotal);
        // VAT per rate is round-half-up(rate × base) and rates are sorted and unique.
        for (const v of t.vat) {
          expect(BigInt(v.tax)).toBe(refRound(BigInt(v.base) * BigInt(v.rate), 10000n));
        }
        const rates = t.vat.map((v) => v.rate);
        expect(rates).toEqual([...new Set(rates)].sort((a, b) => a - b));
        expect(totalsSchema.safeParse(t).success).toBe(true);
        expect(totalsEqual(t, computeTotals(doc))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const reversed = { ...doc, lines: [...doc.lines].reverse() };
        expect(totalsEqual(computeTotals(doc), computeTotals(reversed))).toBe(true);
      }),
    );
  });
});

describe('totalsEqual', () => {
  const base = computeTotals({
    lines: [
      { amount: 1000, vatRate: 2200 },
      { amount: 500, vatRate: 400 },
    ],
    headerDiscount: null,
    freight: 0,
    freightVatRate: 2200,
  });

  it('notices any difference', () => {
    expect(totalsEqual(base, structuredClone(base))).toBe(true);
    expect(totalsEqual(base, { ...base, grandTotal: base.grandTotal + 1 })).toBe(false);
    expect(totalsEqual(base, { ...base, vat: base.vat.slice(1) })).toBe(false);
    const vat = base.vat.map((v) => ({ ...v, tax: v.tax + 1 }));
    expect(totalsEqual(base, { ...base, vat })).toBe(false);
  });
});

describe('currencyMinorDigits', () => {
  it('knows the ISO 4217 exponents', () => {
    expect(currencyMinorDigits('EUR')).toBe(2);
    expect(currencyMinorDigits('USD')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('jpy')).toBe(0);
    expect(currencyMinorDigits('KWD')).toBe(3);
    expect(currencyMinorDigits('CLF')).toBe(4);
  });
});
