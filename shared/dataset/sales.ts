// Quotes, orders and invoices of the dataset, and their numbers: quote chains on
// opportunities that reached Propose, orders from won quotes, invoices from invoiced orders,
// topped up with documents booked directly on accounts.
import { issueCreditNote } from '../domain/credit-note';
import type { NumberedKind, NumberingState } from '../domain/numbering';
import { initialNumbering, nextNumber } from '../domain/numbering';
import type { Account, Invoice, Opportunity, Order, Quote } from '../domain/records';
import { generateInvoice, generateOrder, generateQuoteChain } from './documents';
import type { CatalogIndex } from './lines';
import type { Rng } from './prng';

export type SalesCounts = { quotes: number; orders: number; invoices: number };
export type Sales = { quotes: Quote[]; orders: Order[]; invoices: Invoice[] };

/** Oldest first; ties broken by id so the order is total and stable. */
export const byCreation = <T extends { createdAt: string; id: string }>(a: T, b: T): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

const shuffled = <T>(rng: Rng, items: readonly T[]): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** Quote chains: mostly one quote, a quarter revised once or twice. Σ lengths = quotes. */
const chainLengths = (rng: Rng, eligible: number, quotes: number): number[] => {
  const lengths: number[] = [];
  let remaining = eligible > 0 ? quotes : 0;
  for (let i = 0; i < eligible && remaining > 0; i++) {
    const length = Math.min(remaining, rng.chance(0.25) ? rng.int(2, 3) : 1);
    lengths.push(length);
    remaining -= length;
  }
  for (let i = 0; remaining > 0; i = (i + 1) % lengths.length, remaining--) {
    lengths[i] = (lengths[i] ?? 0) + 1;
  }
  return lengths;
};

export const generateSales = (
  rng: Rng,
  opportunities: readonly Opportunity[],
  accounts: readonly Account[],
  counts: SalesCounts,
  catalog: CatalogIndex,
  nowMs: number,
): { chains: Quote[][]; orders: Order[]; invoices: Invoice[] } => {
  const proposed = opportunities.filter((o) => o.stage === 'propose' || o.stage === 'close');
  const eligible = shuffled(rng, proposed.length > 0 ? proposed : opportunities);
  const chains = chainLengths(rng, eligible.length, counts.quotes).map((length, i) =>
    generateQuoteChain(rng, eligible[i] as Opportunity, length, catalog, nowMs),
  );
  const orders: Order[] = [];
  for (const chain of chains) {
    const last = chain[chain.length - 1];
    if (orders.length >= counts.orders) break;
    if (last?.state === 'won')
      orders.push(generateOrder(rng, { kind: 'quote', quote: last }, nowMs));
  }
  while (orders.length < counts.orders && accounts.length > 0) {
    const account = rng.pick(accounts);
    orders.push(generateOrder(rng, { kind: 'direct', account, catalog }, nowMs));
  }
  const invoices: Invoice[] = [];
  for (const order of orders) {
    if (invoices.length >= counts.invoices) break;
    if (order.state === 'invoiced') {
      invoices.push(generateInvoice(rng, { kind: 'order', order }, nowMs));
    }
  }
  while (invoices.length < counts.invoices && accounts.length > 0) {
    const account = rng.pick(accounts);
    invoices.push(generateInvoice(rng, { kind: 'direct', account, catalog }, nowMs));
  }
  return { chains, orders, invoices };
};

/**
 * A canceled invoice was canceled by a credit note for all of it, issued when the invoice
 * was last changed: answers the credit note and the credited invoice, numbered in turn.
 */
const withCreditNote = (invoice: Invoice, numbering: Map<string, NumberingState>): Invoice[] => {
  const state = numbering.get(invoice.ownerId);
  if (invoice.state !== 'canceled' || state === undefined) return [invoice];
  const ctx = {
    actor: { userId: invoice.ownerId, role: 'seller' as const, teamId: null },
    now: invoice.updatedAt,
    newId: () => invoice.id,
  };
  const active = { ...invoice, state: 'active' as const, status: 'billed' as const };
  const result = issueCreditNote(
    { invoice: active, numbering: state },
    { issueDate: invoice.updatedAt.slice(0, 10) },
    ctx,
  );
  if (!result.ok) return [invoice];
  if (result.value.numbering !== undefined) numbering.set(invoice.ownerId, result.value.numbering);
  return result.value.writes.flatMap((w) => (w.type === 'invoice' ? [w.doc] : []));
};

/**
 * Numbers the documents with the real numbering rules, per seller series and in creation
 * order (invoices by issue date, restarting each year). Revisions keep the number of the
 * quote they revise. Returns the numbered documents, sorted, and each seller's final state.
 */
export const numberSales = (
  series: ReadonlyMap<string, string>,
  sales: { chains: Quote[][]; orders: Order[]; invoices: Invoice[] },
): Sales & { numbering: Map<string, NumberingState> } => {
  const numbering = new Map<string, NumberingState>(
    [...series.entries()].map(([userId, code]) => [userId, initialNumbering(code)]),
  );
  const take = (ownerId: string, kind: NumberedKind, at: string): string => {
    const state = numbering.get(ownerId);
    if (state === undefined) throw new RangeError(`no numbering series for owner ${ownerId}`);
    const next = nextNumber(state, kind, at);
    numbering.set(ownerId, next.state);
    return next.number;
  };
  const quotes = [...sales.chains]
    .sort((a, b) => byCreation(a[0] as Quote, b[0] as Quote))
    .flatMap((chain) => {
      const first = chain[0] as Quote;
      const number = take(first.ownerId, 'quote', first.createdAt);
      return chain.map((q) => ({ ...q, number }));
    });
  const orders = [...sales.orders]
    .sort(byCreation)
    .map((o) => ({ ...o, number: take(o.ownerId, 'order', o.createdAt) }));
  const invoices = [...sales.invoices]
    .sort((a, b) =>
      a.issueDate !== b.issueDate ? (a.issueDate < b.issueDate ? -1 : 1) : byCreation(a, b),
    )
    .map((i) => ({ ...i, number: take(i.ownerId, 'invoice', i.issueDate) }));
  return {
    quotes,
    orders,
    invoices: invoices.flatMap((i) => withCreditNote(i, numbering)),
    numbering,
  };
};
