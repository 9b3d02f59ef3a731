// Create order from an active quote (DESIGN.md §3): the quote becomes Won and the order
// takes its lines, totals, header discount and freight. The opportunity stays open: the
// UI offers to close it as won, a decision the seller makes.
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { canRun, checkMove } from './lifecycle-moves';
import { derivedId } from './ids';
import type { NumberingState } from './numbering';
import { nextNumber } from './numbering';
import { checkCustomerReference } from './order';
import type { Order, Quote } from './records';
import { checkDate, created, touched } from './rule-kit';

export type CreateOrderDocuments = {
  quote: Quote;
  numbering: NumberingState;
  /** The order a previous, interrupted run of this command already wrote. */
  existing?: Order;
};

export type CreateOrderInput = {
  name?: string;
  requestedDeliveryDate?: string | null;
  /** The customer's purchase order number, if they gave one. */
  customerReference?: string;
};

/** Id of the order made from a quote: derived, a quote is won once. */
export const orderIdForQuote = (quoteId: string): string => derivedId(quoteId, 'order');

export const createOrderFromQuote = (
  docs: CreateOrderDocuments,
  input: CreateOrderInput,
  ctx: RuleContext,
): Result<Effects> => {
  const { quote, existing } = docs;
  if (!canRun('quote', 'createOrderFromQuote', quote)) {
    return fail(
      'quote.not_active',
      'An order can only be created from an active quote.',
      "Un ordine può essere creato solo da un'offerta attiva.",
      'state',
    );
  }
  const dateCheck = checkDate(input.requestedDeliveryDate, 'requestedDeliveryDate');
  if (!dateCheck.ok) return dateCheck;
  const reference = checkCustomerReference(input.customerReference ?? '');
  if (!reference.ok) return reference;
  const id = orderIdForQuote(quote.id);
  const allocated = existing === undefined ? nextNumber(docs.numbering, 'order', ctx.now) : null;
  const order: Order = existing ?? {
    ...created(ctx, id, quote.ownerId),
    number: allocated?.number ?? '',
    name: input.name ?? quote.name,
    quoteId: quote.id,
    opportunityId: quote.opportunityId,
    accountId: quote.accountId,
    currency: quote.currency,
    priceListId: quote.priceListId,
    lines: quote.lines.map((l) => ({ ...l })),
    headerDiscount: quote.headerDiscount,
    freight: quote.freight,
    freightVatRate: quote.freightVatRate,
    totals: quote.totals,
    // The customer accepted the quoted prices: the order keeps them until unlocked.
    pricesLocked: true,
    requestedDeliveryDate: input.requestedDeliveryDate ?? null,
    fulfilledDate: null,
    customerReference: reference.value,
    state: 'active',
    status: 'new',
  };
  const orderCreated = systemActivity(
    ctx,
    { type: 'order', id, ownerId: order.ownerId },
    'order.created',
    order.number,
    { number: order.number, quoteId: quote.id, quoteNumber: quote.number },
    derivedId(id, 'activity:order.created'),
  );
  const quoteWon = systemActivity(
    ctx,
    { type: 'quote', id: quote.id, ownerId: quote.ownerId },
    'quote.won',
    quote.number,
    {
      number: quote.number,
      revision: quote.revisionNumber,
      orderId: id,
      orderNumber: order.number,
    },
    derivedId(quote.id, 'activity:quote.won'),
  );
  const won: Quote = { ...quote, ...touched(ctx), state: 'won', status: 'won' };
  const move = checkMove('quote', 'createOrderFromQuote', quote, won);
  if (!move.ok) return move;
  return ok({
    writes: [
      write('order', order),
      write('activity', orderCreated),
      write('activity', quoteWon),
      write('quote', won),
    ],
    ...(allocated !== null ? { numbering: allocated.state } : {}),
  });
};
