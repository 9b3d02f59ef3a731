import { describe, expect, it } from 'vitest';
import { written } from './effects';
import { openBalance, paidTotal } from './invoice-balance';
import { twoLineInvoice } from './invoice-fixtures';
import { markInvoicePaid, recordPayment } from './payment';
import type { Invoice } from './records';
import { errorCode, makeCtx, unwrap } from './test-fixtures';
import { validateChange } from './validate-change';

const ctx = makeCtx('2026-04-02T09:00:00.000Z');
const pay = (invoice: Invoice, input: Parameters<typeof recordPayment>[1]) =>
  written(unwrap(recordPayment(invoice, input, ctx)), 'invoice') as Invoice;

describe('payments', () => {
  it('records a partial payment: the invoice stays active with its open balance', () => {
    const invoice = twoLineInvoice();
    const effects = unwrap(
      recordPayment(
        invoice,
        { id: 'p-1', date: '2026-03-20', method: 'card', amount: 10_000 },
        ctx,
      ),
    );
    const partly = written(effects, 'invoice') as Invoice;
    expect(partly.state).toBe('active');
    expect(partly.payments).toEqual([
      { id: 'p-1', date: '2026-03-20', method: 'card', amount: 10_000 },
    ]);
    expect(openBalance(partly)).toBe(41_853 - 10_000);
    expect(written(effects, 'activity')).toMatchObject({
      event: 'invoice.payment_recorded',
      regardingId: invoice.id,
      data: expect.objectContaining({ amount: 10_000, balance: 31_853 }),
    });
    expect(validateChange('invoice', invoice, partly, ctx.actor).ok).toBe(true);
  });

  it('makes the invoice paid when payments cover its total', () => {
    const partly = pay(twoLineInvoice(), { amount: 20_000, date: '2026-03-20' });
    const effects = unwrap(recordPayment(partly, { method: 'cheque', date: '2026-03-25' }, ctx));
    const paid = written(effects, 'invoice') as Invoice;
    expect(paid).toMatchObject({ state: 'paid', status: 'paid', paidDate: '2026-03-25' });
    expect(paid.payments.map((p) => p.amount)).toEqual([20_000, 21_853]);
    expect(paidTotal(paid)).toBe(paid.totals.grandTotal);
    expect(effects.writes.map((w) => (w.type === 'activity' ? w.doc.event : w.type))).toEqual([
      'invoice.payment_recorded',
      'invoice.paid',
      'invoice',
    ]);
    expect(validateChange('invoice', partly, paid, ctx.actor).ok).toBe(true);
    expect(errorCode(recordPayment(paid, { amount: 1 }, ctx))).toBe('invoice.read_only');
  });

  it('records the full payment in one click (today, bank transfer by default)', () => {
    const paid = written(unwrap(markInvoicePaid(twoLineInvoice(), {}, ctx)), 'invoice') as Invoice;
    expect(paid).toMatchObject({ state: 'paid', paidDate: '2026-04-02' });
    expect(paid.payments).toEqual([
      expect.objectContaining({ method: 'bank_transfer', amount: 41_853, date: '2026-04-02' }),
    ]);
  });

  it('refuses overpayment, zero, bad dates and payments on credit notes', () => {
    const invoice = twoLineInvoice();
    const over = recordPayment(invoice, { amount: 41_854 }, ctx);
    expect(errorCode(over)).toBe('payment.over_balance');
    if (!over.ok) {
      expect(over.error.message.en).toContain('418.53');
      expect(over.error.message.it).toContain('418,53');
    }
    expect(errorCode(recordPayment(invoice, { amount: 0 }, ctx))).toBe('payment.amount_invalid');
    expect(errorCode(recordPayment(invoice, { amount: 10.5 }, ctx))).toBe('payment.amount_invalid');
    expect(errorCode(recordPayment(invoice, { date: '2026-02-30' }, ctx))).toBe(
      'input.date_invalid',
    );
    expect(errorCode(recordPayment(invoice, { date: '2026-03-01' }, ctx))).toBe(
      'payment.before_issue',
    );
    const partly = pay(invoice, { amount: 40_000 });
    expect(errorCode(recordPayment(partly, { amount: 2_000 }, ctx))).toBe('payment.over_balance');
    const cn = { ...invoice, documentType: 'creditNote' as const };
    expect(errorCode(recordPayment(cn, {}, ctx))).toBe('payment.credit_note');
  });
});
