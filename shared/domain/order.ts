// Orders (DESIGN.md §3): Active → Fulfilled → Invoiced, or Canceled. Prices can be locked
// (the quoted prices hold) or unlocked while the order is active.
import type { Regarding } from './activity';
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import { documentTransition, onDate } from './document-transition';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { canRun, checkMove } from './lifecycle-moves';
import { hasControlCharacters } from './plain-text';
import { derivedId } from './ids';
import type { NumberingState } from './numbering';
import { nextNumber } from './numbering';
import type { Invoice, Order } from './records';
import { addDays, checkDate, created, eventActivityId, firstError, today } from './rule-kit';

export const orderRegarding = (o: Order): Regarding => ({
  type: 'order',
  id: o.id,
  ownerId: o.ownerId,
});

/** The order is active (editable); with a command: the lifecycle lets it run from here. */
const requireActive = (order: Order, command?: string): Result<void> =>
  (command === undefined ? order.state === 'active' : canRun('order', command, order))
    ? ok(undefined)
    : fail(
        'order.not_active',
        'This order is no longer active.',
        'Questo ordine non è più attivo.',
        'state',
      );

const transition = (
  order: Order,
  next: Order,
  event: string,
  data: Record<string, unknown>,
  ctx: RuleContext,
): Effects =>
  documentTransition(
    { type: 'order', next },
    {
      regarding: orderRegarding(order),
      event,
      number: order.number,
      data,
      // Locking can happen many times: tie the event to the version it starts from.
      activityId: eventActivityId(order, event),
    },
    ctx,
  );

const setLock = (order: Order, locked: boolean, ctx: RuleContext): Result<Effects> => {
  const active = requireActive(order);
  if (!active.ok) return active;
  if (order.pricesLocked === locked) {
    return locked
      ? fail(
          'order.prices_already_locked',
          'The prices of this order are already locked.',
          'I prezzi di questo ordine sono già bloccati.',
          'pricesLocked',
        )
      : fail(
          'order.prices_not_locked',
          'The prices of this order are not locked.',
          'I prezzi di questo ordine non sono bloccati.',
          'pricesLocked',
        );
  }
  const event = locked ? 'order.prices_locked' : 'order.prices_unlocked';
  return ok(transition(order, { ...order, pricesLocked: locked }, event, {}, ctx));
};

export const lockOrderPrices = (order: Order, ctx: RuleContext) => setLock(order, true, ctx);
export const unlockOrderPrices = (order: Order, ctx: RuleContext) => setLock(order, false, ctx);

/** The customer's PO reference: trimmed, one line, at most 20 characters (FatturaPA's limit). */
export const checkCustomerReference = (value: string): Result<string> => {
  const reference = value.trim();
  if (hasControlCharacters(reference) || reference.length > 20) {
    return fail(
      'order.customer_reference_invalid',
      "The customer's order reference is one line of at most 20 characters.",
      "Il riferimento d'ordine del cliente è una riga di al massimo 20 caratteri.",
      'customerReference',
    );
  }
  return ok(reference);
};

/** Sets the customer's PO reference while the order is not invoiced yet. */
export const setOrderCustomerReference = (
  order: Order,
  value: string,
  ctx: RuleContext,
): Result<Effects> => {
  if (order.state !== 'active' && order.state !== 'fulfilled') {
    return fail(
      'order.reference_locked',
      "The customer's reference can only be changed before the order is invoiced or canceled.",
      "Il riferimento del cliente si può cambiare solo prima che l'ordine sia fatturato o annullato.",
      'customerReference',
    );
  }
  const reference = checkCustomerReference(value);
  if (!reference.ok) return reference;
  if (reference.value === order.customerReference) return ok({ writes: [] });
  return ok(
    transition(
      order,
      { ...order, customerReference: reference.value },
      'order.reference_set',
      { customerReference: reference.value },
      ctx,
    ),
  );
};

/** Active → Fulfilled, on the given date (today by default). */
export const fulfilOrder = (
  order: Order,
  input: { fulfilledDate?: string },
  ctx: RuleContext,
): Result<Effects> =>
  onDate(
    requireActive(order, 'fulfilOrder'),
    input.fulfilledDate,
    'fulfilledDate',
    ctx,
    (fulfilledDate) =>
      transition(
        order,
        { ...order, state: 'fulfilled', status: 'fulfilled', fulfilledDate },
        'order.fulfilled',
        { fulfilledDate },
        ctx,
      ),
  );

/** Active or fulfilled → Canceled; an invoiced order is cancelled through its invoice. */
export const cancelOrder = (order: Order, ctx: RuleContext): Result<Effects> => {
  if (order.state === 'invoiced') {
    return fail(
      'order.invoiced',
      'This order is invoiced and cannot be canceled. Cancel the invoice instead.',
      'Questo ordine è fatturato e non può essere annullato. Annulla invece la fattura.',
      'state',
    );
  }
  if (order.state === 'canceled') {
    return fail(
      'order.already_canceled',
      'This order is already canceled.',
      'Questo ordine è già annullato.',
      'state',
    );
  }
  const next: Order = { ...order, state: 'canceled', status: 'canceled' };
  const move = checkMove('order', 'cancelOrder', order, next);
  if (!move.ok) return move;
  return ok(transition(order, next, 'order.canceled', { from: order.state }, ctx));
};

export type CreateInvoiceDocuments = {
  order: Order;
  numbering: NumberingState;
  /** The invoice a previous, interrupted run of this command already wrote. */
  existing?: Invoice;
};

export type CreateInvoiceInput = {
  /** Today by default. */
  issueDate?: string;
  /** The issue date plus `paymentDays` by default. */
  dueDate?: string;
  /** Days from issue to due date when no due date is given; 30 by default. */
  paymentDays?: number;
};

export const DEFAULT_PAYMENT_DAYS = 30;

/** Id of the invoice of an order: derived, an order is invoiced once. */
export const invoiceIdForOrder = (orderId: string): string => derivedId(orderId, 'invoice');

/** Fulfilled → Invoiced, with a new invoice copying the order's lines and totals. */
export const createInvoiceFromOrder = (
  docs: CreateInvoiceDocuments,
  input: CreateInvoiceInput,
  ctx: RuleContext,
): Result<Effects> => {
  const { order, existing } = docs;
  if (!canRun('order', 'createInvoiceFromOrder', order)) {
    return fail(
      'order.not_fulfilled',
      'Only a fulfilled order can be invoiced.',
      'Solo un ordine evaso può essere fatturato.',
      'state',
    );
  }
  const check = firstError(
    checkDate(input.issueDate, 'issueDate'),
    checkDate(input.dueDate, 'dueDate'),
  );
  if (!check.ok) return check;
  const issueDate = input.issueDate ?? today(ctx);
  const dueDate = input.dueDate ?? addDays(issueDate, input.paymentDays ?? DEFAULT_PAYMENT_DAYS);
  if (dueDate < issueDate) {
    return fail(
      'invoice.due_before_issue',
      'The due date cannot be before the issue date.',
      'La data di scadenza non può precedere la data di emissione.',
      'dueDate',
    );
  }
  const id = invoiceIdForOrder(order.id);
  // Invoice numbers restart each year: the year is the issue date's.
  const allocated =
    existing === undefined ? nextNumber(docs.numbering, 'invoice', issueDate) : null;
  const invoice: Invoice = existing ?? {
    ...created(ctx, id, order.ownerId),
    number: allocated?.number ?? '',
    name: order.name,
    orderId: order.id,
    opportunityId: order.opportunityId,
    accountId: order.accountId,
    currency: order.currency,
    priceListId: order.priceListId,
    lines: order.lines.map((l) => ({ ...l })),
    headerDiscount: order.headerDiscount,
    freight: order.freight,
    freightVatRate: order.freightVatRate,
    totals: order.totals,
    customerReference: order.customerReference,
    issueDate,
    dueDate,
    paidDate: null,
    state: 'active',
    status: 'billed',
    documentType: 'invoice',
    correctedInvoiceId: null,
    correctedInvoiceNumber: null,
    correctedInvoiceDate: null,
    payments: [],
    credits: [],
  };
  const invoiceCreated = systemActivity(
    ctx,
    { type: 'invoice', id, ownerId: invoice.ownerId },
    'invoice.created',
    invoice.number,
    { number: invoice.number, orderId: order.id, orderNumber: order.number },
    derivedId(id, 'activity:invoice.created'),
  );
  const invoicedOrder: Order = { ...order, state: 'invoiced', status: 'invoiced' };
  const move = checkMove('order', 'createInvoiceFromOrder', order, invoicedOrder);
  if (!move.ok) return move;
  const invoiced = transition(
    order,
    invoicedOrder,
    'order.invoiced',
    { invoiceId: id, invoiceNumber: invoice.number },
    ctx,
  );
  return ok({
    writes: [write('invoice', invoice), write('activity', invoiceCreated), ...invoiced.writes],
    ...(allocated !== null ? { numbering: allocated.state } : {}),
  });
};
