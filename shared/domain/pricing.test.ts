import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  catalogLine,
  changeCurrency,
  lineIsConsistent,
  recomputeLine,
  systemEstimatedRevenue,
  writeInLine,
} from './pricing';
import type { Line, PriceList, Product } from './records';
import { lineSchema } from './records';

const audit = {
  ownerId: 'office',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'office',
};

const product = (id: string, sku: string, vatRate: number, active = true): Product => ({
  ...audit,
  id,
  sku,
  name: `Product ${sku}`,
  description: 'Industrial grade',
  unit: 'pz',
  family: 'Hardware',
  vatRate,
  active,
  searchTerms: [],
});

const chair = product('p-chair', 'OFF-CH-001', 2200);
const book = product('p-book', 'BK-MAN-01', 400);
const retired = product('p-old', 'OLD-001', 2200, false);
const missing = product('p-missing', 'MISS-01', 2200);

const listino: PriceList = {
  ...audit,
  id: 'pl-eur',
  name: 'Listino Italia 2026',
  currency: 'EUR',
  validFrom: '2026-01-01',
  validTo: null,
  items: [
    { id: 'i1', productId: chair.id, unit: '', unitPrice: 12990 },
    { id: 'i2', productId: book.id, unit: 'copia', unitPrice: 2500 },
    { id: 'i3', productId: retired.id, unit: 'pz', unitPrice: 100 },
  ],
};

const input = { id: 'l1', product: chair, priceList: listino, currency: 'EUR' };

describe('catalogLine', () => {
  it('prices the product from the price list', () => {
    const r = catalogLine({ ...input, quantity: 3, discount: 970 });
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'l1',
        productId: 'p-chair',
        sku: 'OFF-CH-001',
        name: 'Product OFF-CH-001',
        description: 'Industrial grade',
        unit: 'pz',
        quantity: 3,
        unitPrice: 12990,
        discount: 970,
        vatRate: 2200,
        amount: 38000,
      } satisfies Line,
    });
    if (r.ok) expect(lineSchema.parse(r.value)).toEqual(r.value);
  });

  it("uses the item's unit and an overriding VAT rate", () => {
    const r = catalogLine({ ...input, product: book, quantity: 2, discount: 0, vatRate: 0 });
    expect(r).toMatchObject({ ok: true, value: { unit: 'copia', vatRate: 0, amount: 5000 } });
  });

  it('keeps six decimals of quantity', () => {
    const r = catalogLine({ ...input, quantity: 1.23456789, discount: 0 });
    expect(r).toMatchObject({ ok: true, value: { quantity: 1.234568, amount: 16037 } });
  });

  it.each([
    [{ currency: 'USD' }, 'pricing.currency_mismatch', 'priceListId'],
    [{ product: retired }, 'pricing.product_retired', 'productId'],
    [{ product: missing }, 'pricing.product_not_in_price_list', 'productId'],
    [{ quantity: 0 }, 'pricing.quantity_not_positive', 'quantity'],
    [{ quantity: -2 }, 'pricing.quantity_not_positive', 'quantity'],
    [{ quantity: 0.0000001 }, 'pricing.quantity_not_positive', 'quantity'],
    [{ quantity: Number.NaN }, 'pricing.quantity_invalid', 'quantity'],
    [{ quantity: 2e9 }, 'pricing.quantity_invalid', 'quantity'],
    [{ discount: -1 }, 'pricing.discount_negative', 'discount'],
    [{ discount: 0.5 }, 'pricing.discount_negative', 'discount'],
    [{ discount: 12991 }, 'pricing.discount_exceeds_amount', 'discount'],
    [{ vatRate: 10001 }, 'pricing.vat_rate_invalid', 'vatRate'],
  ])('refuses %o with %s', (change, code, field) => {
    const r = catalogLine({ ...input, quantity: 1, discount: 0, ...change });
    expect(r).toMatchObject({ ok: false, error: { code, field } });
    if (!r.ok) {
      expect(r.error.message.en.length).toBeGreaterThan(10);
      expect(r.error.message.it.length).toBeGreaterThan(10);
    }
  });

  it('accepts a discount equal to the gross amount', () => {
    expect(catalogLine({ ...input, quantity: 1, discount: 12990 })).toMatchObject({
      ok: true,
      value: { amount: 0 },
    });
  });
});

describe('writeInLine', () => {
  const base = { id: 'w1', name: ' Installazione ', unitPrice: 8000, quantity: 1.5 };

  it('builds a line with no product', () => {
    const r = writeInLine({ ...base, discount: 0, vatRate: 2200 });
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'w1',
        productId: null,
        sku: '',
        name: 'Installazione',
        description: '',
        unit: '',
        quantity: 1.5,
        unitPrice: 8000,
        discount: 0,
        vatRate: 2200,
        amount: 12000,
      },
    });
    const full = writeInLine({
      ...base,
      discount: 1000,
      vatRate: 1000,
      unit: 'h',
      description: 'On site',
      sku: 'SRV-INST',
    });
    expect(full).toMatchObject({ ok: true, value: { unit: 'h', sku: 'SRV-INST', amount: 11000 } });
  });

  it('applies the same checks', () => {
    const check = (change: object) =>
      writeInLine({ ...base, discount: 0, vatRate: 2200, ...change });
    expect(check({ name: '  ' })).toMatchObject({ error: { code: 'pricing.name_required' } });
    expect(check({ unitPrice: -1 })).toMatchObject({
      error: { code: 'pricing.unit_price_invalid' },
    });
    expect(check({ unitPrice: 1.5 })).toMatchObject({
      error: { code: 'pricing.unit_price_invalid' },
    });
    expect(check({ quantity: 0 })).toMatchObject({
      error: { code: 'pricing.quantity_not_positive' },
    });
    expect(check({ discount: 12001 })).toMatchObject({
      error: { code: 'pricing.discount_exceeds_amount' },
    });
    expect(check({ vatRate: 22.5 })).toMatchObject({ error: { code: 'pricing.vat_rate_invalid' } });
    expect(check({ unitPrice: 1e13, quantity: 1e4 })).toMatchObject({
      error: { code: 'pricing.amount_too_large' },
    });
  });

  it('always produces schema-valid, consistent lines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0, 400, 1000, 2200),
        (unitPrice, micro, share, vatRate) => {
          const quantity = micro / 1e6;
          const gross = Math.round((unitPrice * micro) / 1e6); // only a bound for the discount
          const discount = Math.max(0, Math.floor(share * gross) - 1);
          const r = writeInLine({ id: 'x', name: 'X', unitPrice, quantity, discount, vatRate });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(lineSchema.safeParse(r.value).success).toBe(true);
          expect(lineIsConsistent(r.value)).toBe(true);
          expect(recomputeLine(r.value)).toEqual(r.value);
        },
      ),
    );
  });
});

describe('recomputeLine and lineIsConsistent', () => {
  it('restores the amount from the other fields', () => {
    const r = writeInLine({
      id: 'a',
      name: 'A',
      unitPrice: 333,
      quantity: 0.5,
      discount: 0,
      vatRate: 2200,
    });
    if (!r.ok) throw new Error('expected a line');
    const tampered = { ...r.value, amount: 1 };
    expect(lineIsConsistent(tampered)).toBe(false);
    expect(recomputeLine(tampered).amount).toBe(167);
    expect(lineIsConsistent({ ...r.value, quantity: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

describe('changeCurrency', () => {
  const doc = { currency: 'EUR', lines: [] as Line[], topic: 'Fiera' };

  it('changes the currency of a document with no lines', () => {
    expect(changeCurrency(doc, 'USD')).toEqual({ ok: true, value: { ...doc, currency: 'USD' } });
    expect(changeCurrency(doc, 'EUR')).toEqual({ ok: true, value: doc });
  });

  it('refuses while the document has lines, or an invalid code', () => {
    const line = writeInLine({
      id: 'a',
      name: 'A',
      unitPrice: 1,
      quantity: 1,
      discount: 0,
      vatRate: 0,
    });
    if (!line.ok) throw new Error('expected a line');
    expect(changeCurrency({ ...doc, lines: [line.value] }, 'USD')).toMatchObject({
      ok: false,
      error: { code: 'pricing.currency_locked', field: 'currency' },
    });
    expect(changeCurrency(doc, 'euro')).toMatchObject({
      ok: false,
      error: { code: 'pricing.currency_invalid' },
    });
  });
});

describe('systemEstimatedRevenue', () => {
  it('sums the line amounts', () => {
    const lines = [100, 250, 0].map((amount, i) => ({
      id: String(i),
      productId: null,
      sku: '',
      name: 'x',
      description: '',
      unit: '',
      quantity: 1,
      unitPrice: amount,
      discount: 0,
      vatRate: 2200,
      amount,
    }));
    expect(systemEstimatedRevenue(lines)).toBe(350);
    expect(systemEstimatedRevenue([])).toBe(0);
  });
});
