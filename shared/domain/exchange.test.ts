import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ExchangeRates } from './exchange';
import { convertBetween, convertToBase, sumInBase } from './exchange';

const ecb: ExchangeRates = {
  base: 'EUR',
  rates: { USD: 1.08, GBP: 0.8567, JPY: 162.35, CHF: 0.9412, KWD: 0.3321, BAD: 0 },
};

const value = (r: { ok: boolean; value?: number }): number | undefined => r.value;

describe('convertToBase', () => {
  it('converts minor units to minor units of the base', () => {
    expect(convertToBase(10800, 'USD', ecb)).toEqual({ ok: true, value: 10000 });
    expect(convertToBase(12345, 'EUR', ecb)).toEqual({ ok: true, value: 12345 });
    // ¥16,235 has no minor units: 16235 / 162.35 = €100.00.
    expect(value(convertToBase(16235, 'JPY', ecb))).toBe(10000);
    // 1.000 KWD (three minor digits) / 0.3321 = €3.0111… → 301 cents.
    expect(value(convertToBase(1000, 'KWD', ecb))).toBe(301);
    expect(value(convertToBase(-10800, 'USD', ecb))).toBe(-10000);
  });

  it('rounds half-up on the exact quotient', () => {
    // $1.62 / 1.08 = €1.50 exactly; $0.27 / 1.08 = €0.25; $0.01 / 1.08 = 0.9259 → 1 cent.
    expect(value(convertToBase(162, 'USD', ecb))).toBe(150);
    expect(value(convertToBase(27, 'USD', ecb))).toBe(25);
    expect(value(convertToBase(1, 'USD', ecb))).toBe(1);
    // 0.54 / 1.08 = 0.5 cent exactly → rounds up to 1.
    const half: ExchangeRates = { base: 'EUR', rates: { USD: 108 } };
    expect(value(convertToBase(54, 'USD', half))).toBe(1);
    expect(value(convertToBase(-54, 'USD', half))).toBe(-1);
  });

  it('explains a missing or unusable rate', () => {
    const r = convertToBase(100, 'SEK', ecb);
    expect(r).toMatchObject({ ok: false, error: { code: 'exchange.rate_missing' } });
    if (!r.ok) expect(r.error.message.en).toContain('SEK');
    expect(convertToBase(100, 'BAD', ecb).ok).toBe(false);
    expect(convertToBase(1.5, 'USD', ecb)).toMatchObject({
      ok: false,
      error: { code: 'exchange.amount_invalid' },
    });
  });

  it('is within half a minor unit of the real quotient', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 10_000_000 }), // rate × 10^4
        (amount, rate4) => {
          const rates: ExchangeRates = { base: 'EUR', rates: { USD: rate4 / 1e4 } };
          const converted = value(convertToBase(amount, 'USD', rates)) ?? Number.NaN;
          // Exact check in BigInt: |converted × rate − amount| ≤ rate / 2 (scaled by 10^4).
          const diff = BigInt(converted) * BigInt(rate4) - BigInt(amount) * 10000n;
          const abs = diff < 0n ? -diff : diff;
          expect(2n * abs <= BigInt(rate4)).toBe(true);
          // Exact halves round away from zero.
          if (2n * abs === BigInt(rate4)) {
            const scaled = BigInt(Math.abs(converted)) * BigInt(rate4);
            expect(scaled > BigInt(Math.abs(amount)) * 10000n).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('sumInBase', () => {
  it('sums per currency, then converts each sum once', () => {
    const r = sumInBase(
      [
        { amount: 1, currency: 'USD' },
        { amount: 1, currency: 'USD' },
        { amount: 500, currency: 'EUR' },
        { amount: 16235, currency: 'JPY' },
      ],
      ecb,
    );
    // 2 cents / 1.08 = 1.85 → 2 (converting each cent alone would give 1 + 1 as well)
    expect(r).toEqual({ ok: true, value: 2 + 500 + 10000 });
    expect(sumInBase([], ecb)).toEqual({ ok: true, value: 0 });
  });

  it('fails on the first currency without a rate', () => {
    expect(
      sumInBase(
        [
          { amount: 100, currency: 'EUR' },
          { amount: 100, currency: 'NOK' },
        ],
        ecb,
      ),
    ).toMatchObject({ ok: false, error: { code: 'exchange.rate_missing' } });
  });

  it('does not depend on the order of the amounts', () => {
    const amountArb = fc.record({
      amount: fc.integer({ min: 0, max: 1e9 }),
      currency: fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'CHF'),
    });
    fc.assert(
      fc.property(fc.array(amountArb, { maxLength: 40 }), (amounts) => {
        const forward = sumInBase(amounts, ecb);
        const backward = sumInBase([...amounts].reverse(), ecb);
        expect(forward.ok).toBe(true);
        expect(forward).toEqual(backward);
      }),
    );
  });
});

describe('convertBetween', () => {
  it('goes through the base with one rounding', () => {
    expect(value(convertBetween(10000, 'EUR', 'USD', ecb))).toBe(10800);
    expect(value(convertBetween(10800, 'USD', 'EUR', ecb))).toBe(10000);
    expect(value(convertBetween(10800, 'USD', 'JPY', ecb))).toBe(16235);
    expect(value(convertBetween(777, 'GBP', 'GBP', ecb))).toBe(777);
    expect(convertBetween(100, 'USD', 'SEK', ecb).ok).toBe(false);
    expect(convertBetween(100, 'SEK', 'USD', ecb).ok).toBe(false);
    expect(convertBetween(0.5, 'GBP', 'USD', ecb).ok).toBe(false);
  });
});
