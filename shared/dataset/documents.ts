// Quotes (with revision chains), orders and invoices whose lines and totals are computed by
// the real money rules. Numbers are assigned afterwards, in creation order per series.
import type { Account, Invoice, Line, Opportunity, Order, Quote } from '../domain/records';
import { derivedId } from '../domain/ids';
import { computeTotals } from '../domain/money';
import { DAY_MS, audit, dateOf, later, newId, pastInstant } from './common';
import type { CatalogIndex } from './lines';
import {
  copyLines,
  generateLines,
  priceListFor,
  randomFreight,
  randomHeaderDiscount,
} from './lines';
import type { Rng } from './prng';

const FREIGHT_VAT = 2200;

const paymentTerms = [
  'Bonifico bancario 30 gg data fattura',
  'Ri.Ba. 60 gg fine mese',
  'Bonifico anticipato',
  'Net 30 days',
  'Net 60 days end of month',
] as const;
const deliveryTerms = [
  'Franco destino',
  'Franco partenza (EXW)',
  'DAP Incoterms® 2020',
  'Consegna entro 4 settimane dalla conferma',
] as const;

type Commercial = Pick<
  Quote,
  'currency' | 'priceListId' | 'lines' | 'headerDiscount' | 'freight' | 'freightVatRate' | 'totals'
>;

const commercial = (
  currency: string,
  priceListId: string | null,
  lines: Line[],
  rng: Rng,
  discounted: boolean,
): Commercial => {
  const linesTotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const headerDiscount = discounted ? randomHeaderDiscount(rng, linesTotal) : null;
  const freight = randomFreight(rng);
  const totals = computeTotals({ lines, headerDiscount, freight, freightVatRate: FREIGHT_VAT });
  return {
    currency,
    priceListId,
    lines,
    headerDiscount,
    freight,
    freightVatRate: FREIGHT_VAT,
    totals,
  };
};

/** A chain of `revisions` quotes for an opportunity; all but the last are closed as Revised. */
export const generateQuoteChain = (
  rng: Rng,
  opportunity: Opportunity,
  revisions: number,
  catalog: CatalogIndex,
  nowMs: number,
): Quote[] => {
  const priceList =
    catalog.priceLists.find((l) => l.id === opportunity.priceListId) ??
    priceListFor(rng, catalog, opportunity.currency);
  const baseLines =
    opportunity.lines.length > 0
      ? opportunity.lines
      : generateLines(rng, catalog, priceList, Date.parse(opportunity.createdAt), 1, 4);
  const quotes: Quote[] = [];
  let atMs = Date.parse(opportunity.createdAt);
  // Revisions keep the line ids: lines are embedded and travel with each revision.
  const lines = copyLines(rng, baseLines, atMs);
  for (let revision = 0; revision < revisions; revision++) {
    atMs = later(rng, atMs, nowMs, 12);
    const last = revision === revisions - 1;
    const [state, status] = !last
      ? (['closed', 'revised'] as const)
      : opportunity.state === 'won'
        ? (['won', 'won'] as const)
        : opportunity.state === 'lost'
          ? rng.chance(0.7)
            ? (['closed', 'lost'] as const)
            : (['closed', 'canceled'] as const)
          : rng.chance(0.6)
            ? (['active', 'open'] as const)
            : (['draft', 'in_progress'] as const);
    // A revision's id derives from the quote it revises, as the revise rule derives it.
    const previous = quotes[revision - 1];
    const id = previous === undefined ? newId(rng, atMs) : derivedId(previous.id, 'revision');
    quotes.push({
      ...audit(id, opportunity.ownerId, atMs, last ? later(rng, atMs, nowMs, 10) : atMs),
      number: '',
      revisionNumber: revision,
      name: `Offerta – ${opportunity.topic}`.slice(0, 200),
      opportunityId: opportunity.id,
      accountId: opportunity.accountId,
      contactId: opportunity.contactId,
      // Later revisions usually carry the negotiated discount.
      ...commercial(opportunity.currency, priceList.id, lines, rng, last),
      validFrom: dateOf(atMs),
      validTo: dateOf(atMs + 30 * DAY_MS),
      paymentTerms: rng.pick(paymentTerms),
      deliveryTerms: rng.pick(deliveryTerms),
      state,
      status,
      previousQuoteId: previous?.id ?? null,
    });
  }
  return quotes;
};

const orderPhases: readonly (readonly [readonly [Order['state'], Order['status']], number])[] = [
  [['active', 'new'], 20],
  [['fulfilled', 'fulfilled'], 20],
  [['invoiced', 'invoiced'], 50],
  [['canceled', 'canceled'], 10],
];

type OrderSource =
  { kind: 'quote'; quote: Quote } | { kind: 'direct'; account: Account; catalog: CatalogIndex };

/** An order from a won quote (its lines and totals), or booked directly on an account. */
export const generateOrder = (rng: Rng, source: OrderSource, nowMs: number): Order => {
  let base: Commercial & {
    name: string;
    ownerId: string;
    accountId: string | null;
    fromMs: number;
  };
  if (source.kind === 'quote') {
    const q = source.quote;
    base = {
      ...q,
      lines: q.lines,
      fromMs: Date.parse(q.updatedAt),
      name: q.name.replace(/^Offerta/, 'Ordine'),
    };
  } else {
    const currency = source.account.address.country === 'US' ? 'USD' : 'EUR';
    const priceList = priceListFor(rng, source.catalog, currency);
    const fromMs = Math.max(Date.parse(source.account.createdAt), pastInstant(rng, nowMs, 300));
    base = {
      ...commercial(
        currency,
        priceList.id,
        generateLines(rng, source.catalog, priceList, fromMs, 1, 6),
        rng,
        true,
      ),
      name: `Ordine ${source.account.name}`.slice(0, 200),
      ownerId: source.account.ownerId,
      accountId: source.account.id,
      fromMs,
    };
  }
  const createdMs = later(rng, base.fromMs, nowMs, 5);
  const [state, status] = rng.weighted(orderPhases);
  const fulfilledMs = later(rng, createdMs, nowMs, 30);
  return {
    ...audit(
      newId(rng, createdMs),
      base.ownerId,
      createdMs,
      state === 'active' ? createdMs : fulfilledMs,
    ),
    number: '',
    name: base.name,
    quoteId: source.kind === 'quote' ? source.quote.id : null,
    opportunityId: source.kind === 'quote' ? source.quote.opportunityId : null,
    accountId: base.accountId,
    currency: base.currency,
    priceListId: base.priceListId,
    lines: copyLines(rng, base.lines, createdMs),
    headerDiscount: base.headerDiscount,
    freight: base.freight,
    freightVatRate: base.freightVatRate,
    totals: base.totals,
    pricesLocked: rng.chance(0.7),
    requestedDeliveryDate: rng.chance(0.8) ? dateOf(createdMs + rng.int(7, 60) * DAY_MS) : null,
    fulfilledDate: state === 'fulfilled' || state === 'invoiced' ? dateOf(fulfilledMs) : null,
    // Half the customers give a PO number (derived, so the generator's sequence is unchanged).
    customerReference: createdMs % 2 === 0 ? `PO-${dateOf(createdMs).replaceAll('-', '')}` : '',
    state,
    status,
  };
};

const invoicePhases: readonly (readonly [
  readonly [Invoice['state'], Invoice['status']],
  number,
])[] = [
  [['active', 'billed'], 40],
  [['paid', 'paid'], 50],
  [['canceled', 'canceled'], 10],
];

/** An invoice copying a fulfilled order, or a direct one (services billed without an order). */
export const generateInvoice = (
  rng: Rng,
  source:
    { kind: 'order'; order: Order } | { kind: 'direct'; account: Account; catalog: CatalogIndex },
  nowMs: number,
): Invoice => {
  const order =
    source.kind === 'order'
      ? source.order
      : generateOrder(
          rng,
          { kind: 'direct', account: source.account, catalog: source.catalog },
          nowMs,
        );
  const fromMs =
    source.kind === 'order' ? Date.parse(order.updatedAt) : Date.parse(order.createdAt);
  const issueMs = later(rng, fromMs, nowMs, 3);
  const [state, status] = rng.weighted(invoicePhases);
  const dueMs = issueMs + rng.pick([30, 60, 90]) * DAY_MS;
  const paidMs = later(rng, issueMs, nowMs, 60);
  return {
    ...audit(newId(rng, issueMs), order.ownerId, issueMs, state === 'active' ? issueMs : paidMs),
    number: '',
    name: order.name.replace(/^Ordine/, 'Fattura'),
    orderId: source.kind === 'order' ? order.id : null,
    opportunityId: order.opportunityId,
    accountId: order.accountId,
    currency: order.currency,
    priceListId: order.priceListId,
    lines: copyLines(rng, order.lines, issueMs),
    headerDiscount: order.headerDiscount,
    freight: order.freight,
    freightVatRate: order.freightVatRate,
    totals: order.totals,
    issueDate: dateOf(issueMs),
    dueDate: dateOf(dueMs),
    paidDate: state === 'paid' ? dateOf(paidMs) : null,
    customerReference: order.customerReference,
    state,
    status,
    documentType: 'invoice',
    correctedInvoiceId: null,
    correctedInvoiceNumber: null,
    correctedInvoiceDate: null,
    // A paid invoice was paid in full by bank transfer on its paid date.
    payments:
      state === 'paid'
        ? [
            {
              id: newId(rng, paidMs),
              date: dateOf(paidMs),
              method: 'bank_transfer',
              amount: order.totals.grandTotal,
            },
          ]
        : [],
    credits: [],
  };
};
