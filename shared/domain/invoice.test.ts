import { describe, expect, it } from 'vitest';
import { written } from './effects';
import { cancelInvoice, markInvoicePaid, updateInvoice } from './invoice';
import { initialNumbering } from './numbering';
import { createInvoiceFromOrder, fulfilOrder } from './order';
import type { Invoice, Order } from './records';
import { errorCode, makeCtx, sampleOrder, unwrap } from './test-fixtures';

const ctx = makeCtx();
const numbering = initialNumbering('AB');
const invoice = (): Invoice => {
  const fulfilled = written(unwrap(fulfilOrder(sampleOrder(), {}, ctx)), 'order') as Order;
  return written(
    unwrap(createInvoiceFromOrder({ order: fulfilled, numbering }, {}, ctx)),
    'invoice',
  ) as Invoice;
};

describe('invoices', () => {
  it('marks an active invoice paid, with its activity', () => {
    const effects = unwrap(markInvoicePaid(invoice(), { paidDate: '2026-04-01' }, ctx));
    expect(written(effects, 'invoice')).toMatchObject({
      state: 'paid',
      status: 'paid',
      paidDate: '2026-04-01',
    });
    expect(written(effects, 'activity')?.event).toBe('invoice.paid');
    expect(written(unwrap(markInvoicePaid(invoice(), {}, ctx)), 'invoice')?.paidDate).toBe(
      '2026-03-10',
    );
  });

  it('cancels an active invoice', () => {
    const effects = unwrap(cancelInvoice(invoice(), ctx));
    expect(written(effects, 'invoice')).toMatchObject({ state: 'canceled', status: 'canceled' });
    expect(written(effects, 'activity')?.event).toBe('invoice.canceled');
  });

  it('keeps paid and canceled invoices read-only', () => {
    const paid = written(unwrap(markInvoicePaid(invoice(), {}, ctx)), 'invoice') as Invoice;
    const canceled = written(unwrap(cancelInvoice(invoice(), ctx)), 'invoice') as Invoice;
    for (const closed of [paid, canceled]) {
      expect(errorCode(markInvoicePaid(closed, {}, ctx))).toBe('invoice.read_only');
      expect(errorCode(cancelInvoice(closed, ctx))).toBe('invoice.read_only');
      expect(errorCode(updateInvoice(closed, { name: 'x' }, ctx))).toBe('invoice.read_only');
    }
    const r = cancelInvoice(paid, ctx);
    if (!r.ok)
      expect(r.error.message.it).toBe('Questa fattura è pagata e non può più essere modificata.');
  });

  it('lets an active invoice change its name and due date only sensibly', () => {
    const i = invoice();
    expect(
      written(unwrap(updateInvoice(i, { dueDate: '2026-06-30' }, ctx)), 'invoice')?.dueDate,
    ).toBe('2026-06-30');
    expect(errorCode(updateInvoice(i, { dueDate: '2026-01-01' }, ctx))).toBe(
      'invoice.due_before_issue',
    );
    expect(errorCode(markInvoicePaid(i, { paidDate: '2026-02-30' }, ctx))).toBe(
      'input.date_invalid',
    );
  });
});
