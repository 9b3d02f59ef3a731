import { describe, expect, it } from 'vitest';
import { written } from './effects';
import { initialNumbering } from './numbering';
import {
  cancelOrder,
  createInvoiceFromOrder,
  fulfilOrder,
  invoiceIdForOrder,
  lockOrderPrices,
  setOrderCustomerReference,
  unlockOrderPrices,
} from './order';
import type { Invoice, Order } from './records';
import { errorCode, makeCtx, sampleOrder as order, unwrap } from './test-fixtures';

const ctx = makeCtx();
const numbering = initialNumbering('AB');

const fulfilled = () => written(unwrap(fulfilOrder(order(), {}, ctx)), 'order') as Order;
const invoice = (): Invoice =>
  written(
    unwrap(createInvoiceFromOrder({ order: fulfilled(), numbering }, {}, ctx)),
    'invoice',
  ) as Invoice;

describe('order prices', () => {
  it('unlocks and locks an active order, each with an activity', () => {
    const unlocked = unwrap(unlockOrderPrices(order(), ctx));
    expect(written(unlocked, 'order')?.pricesLocked).toBe(false);
    expect(written(unlocked, 'activity')?.event).toBe('order.prices_unlocked');
    const relocked = unwrap(
      lockOrderPrices(written(unlocked, 'order') as Order, makeCtx('2026-03-11T00:00:00.000Z')),
    );
    expect(written(relocked, 'order')?.pricesLocked).toBe(true);
    expect(written(relocked, 'activity')?.event).toBe('order.prices_locked');
  });

  it('refuses to lock twice, unlock an unlocked order, or change a non-active one', () => {
    expect(errorCode(lockOrderPrices(order(), ctx))).toBe('order.prices_already_locked');
    expect(errorCode(unlockOrderPrices(order({ pricesLocked: false }), ctx))).toBe(
      'order.prices_not_locked',
    );
    expect(errorCode(unlockOrderPrices(fulfilled(), ctx))).toBe('order.not_active');
    expect(errorCode(lockOrderPrices(order({ state: 'canceled', status: 'canceled' }), ctx))).toBe(
      'order.not_active',
    );
  });
});

describe('fulfil and cancel', () => {
  it('fulfils an active order on a date', () => {
    const effects = unwrap(fulfilOrder(order(), { fulfilledDate: '2026-03-09' }, ctx));
    expect(written(effects, 'order')).toMatchObject({
      state: 'fulfilled',
      status: 'fulfilled',
      fulfilledDate: '2026-03-09',
    });
    expect(written(effects, 'activity')?.event).toBe('order.fulfilled');
    expect(errorCode(fulfilOrder(fulfilled(), {}, ctx))).toBe('order.not_active');
    expect(errorCode(fulfilOrder(order(), { fulfilledDate: 'ieri' }, ctx))).toBe(
      'input.date_invalid',
    );
  });

  it('cancels an active or fulfilled order, not an invoiced or canceled one', () => {
    expect(written(unwrap(cancelOrder(order(), ctx)), 'order')?.state).toBe('canceled');
    const canceled = written(unwrap(cancelOrder(fulfilled(), ctx)), 'order') as Order;
    expect(canceled.status).toBe('canceled');
    expect(errorCode(cancelOrder(canceled, ctx))).toBe('order.already_canceled');
    expect(errorCode(cancelOrder(order({ state: 'invoiced', status: 'invoiced' }), ctx))).toBe(
      'order.invoiced',
    );
  });
});

describe('createInvoiceFromOrder', () => {
  it('invoices a fulfilled order: the invoice copies lines and totals, the order is invoiced last', () => {
    const f = fulfilled();
    const effects = unwrap(createInvoiceFromOrder({ order: f, numbering }, {}, ctx));
    expect(effects.writes.map((w) => w.type)).toEqual(['invoice', 'activity', 'activity', 'order']);
    expect(written(effects, 'invoice')).toMatchObject({
      id: invoiceIdForOrder(f.id),
      number: 'INV/2026/AB/00001',
      orderId: f.id,
      lines: f.lines,
      totals: f.totals,
      issueDate: '2026-03-10',
      dueDate: '2026-04-09',
      state: 'active',
      status: 'billed',
      paidDate: null,
    });
    expect(written(effects, 'order')).toMatchObject({ state: 'invoiced', status: 'invoiced' });
    expect(effects.numbering?.invoice).toEqual({ '2026': 1 });
  });

  it('takes an issue date, a due date or payment days, and numbers by the issue year', () => {
    const f = fulfilled();
    const late = unwrap(
      createInvoiceFromOrder(
        { order: f, numbering },
        { issueDate: '2027-01-02', paymentDays: 60 },
        ctx,
      ),
    );
    expect(written(late, 'invoice')).toMatchObject({
      number: 'INV/2027/AB/00001',
      dueDate: '2027-03-03',
    });
    const due = unwrap(
      createInvoiceFromOrder({ order: f, numbering }, { dueDate: '2026-05-31' }, ctx),
    );
    expect(written(due, 'invoice')?.dueDate).toBe('2026-05-31');
    expect(
      errorCode(createInvoiceFromOrder({ order: f, numbering }, { dueDate: '2026-01-01' }, ctx)),
    ).toBe('invoice.due_before_issue');
    expect(
      errorCode(createInvoiceFromOrder({ order: f, numbering }, { issueDate: '1 marzo' }, ctx)),
    ).toBe('input.date_invalid');
  });

  it('reuses the invoice an interrupted run wrote', () => {
    const f = fulfilled();
    const existing = invoice();
    const retry = unwrap(createInvoiceFromOrder({ order: f, numbering, existing }, {}, ctx));
    expect(retry.numbering).toBeUndefined();
    expect(written(retry, 'invoice')).toEqual(existing);
  });

  it('refuses an order that is not fulfilled', () => {
    expect(errorCode(createInvoiceFromOrder({ order: order(), numbering }, {}, ctx))).toBe(
      'order.not_fulfilled',
    );
    const invoiced = order({ state: 'invoiced', status: 'invoiced' });
    expect(errorCode(createInvoiceFromOrder({ order: invoiced, numbering }, {}, ctx))).toBe(
      'order.not_fulfilled',
    );
  });
});

describe("the customer's PO reference", () => {
  it('is set on an open order with a timeline event, then carried to the invoice', () => {
    const set = unwrap(setOrderCustomerReference(fulfilled(), '  PO-2026/118 ', ctx));
    const withReference = written(set, 'order') as Order;
    expect(withReference.customerReference).toBe('PO-2026/118');
    expect(written(set, 'activity')?.event).toBe('order.reference_set');
    const billed = unwrap(createInvoiceFromOrder({ order: withReference, numbering }, {}, ctx));
    expect((written(billed, 'invoice') as Invoice).customerReference).toBe('PO-2026/118');
  });

  it('refuses a reference too long or on several lines, and once the order is invoiced', () => {
    expect(errorCode(setOrderCustomerReference(order(), 'X'.repeat(21), ctx))).toBe(
      'order.customer_reference_invalid',
    );
    expect(errorCode(setOrderCustomerReference(order(), 'PO\n1', ctx))).toBe(
      'order.customer_reference_invalid',
    );
    const invoiced = order({ state: 'invoiced', status: 'invoiced' });
    expect(errorCode(setOrderCustomerReference(invoiced, 'PO-1', ctx))).toBe(
      'order.reference_locked',
    );
  });
});
