// Invoices for tests of payments and credit notes: two lines at different VAT rates, a line
// discount, an amount header discount and freight, so partial credits have something to split.
import { written } from './effects';
import { computeTotals } from './money';
import { initialNumbering } from './numbering';
import { createInvoiceFromOrder } from './order';
import type { Invoice, Line } from './records';
import { makeCtx, sampleOrder, unwrap } from './test-fixtures';

export const pumpLine: Line = {
  id: 'l-pump',
  productId: null,
  sku: 'P-1',
  name: 'Pompa',
  description: '',
  unit: 'pc',
  quantity: 3,
  unitPrice: 10_000,
  discount: 1_000,
  vatRate: 2200,
  amount: 29_000,
};

export const manualLine: Line = {
  id: 'l-manual',
  productId: null,
  sku: '',
  name: 'Manuale',
  description: '',
  unit: 'pc',
  quantity: 1,
  unitPrice: 5_000,
  discount: 0,
  vatRate: 400,
  amount: 5_000,
};

/** An active invoice INV/2026/AB/00001 of 2026-03-10 (total 418.53 €). */
export const twoLineInvoice = (): Invoice => {
  const lines = [pumpLine, manualLine];
  const headerDiscount = { kind: 'amount' as const, value: 2_000 };
  const order = sampleOrder({
    state: 'fulfilled',
    status: 'fulfilled',
    lines,
    headerDiscount,
    freight: 3_000,
    totals: computeTotals({ lines, headerDiscount, freight: 3_000, freightVatRate: 2200 }),
  });
  return written(
    unwrap(createInvoiceFromOrder({ order, numbering: initialNumbering('AB') }, {}, makeCtx())),
    'invoice',
  ) as Invoice;
};
