// What is still owed on an invoice (DESIGN.md §3): its total less the credit notes issued
// against it and the payments received; and what is left to credit, line by line.
import { roundQuantity } from './money';
import type { Invoice } from './records';

type Settled = Pick<Invoice, 'totals' | 'payments' | 'credits' | 'lines' | 'freight'>;

/** The sum of the payments received, in minor units. */
export const paidTotal = (invoice: Pick<Invoice, 'payments'>): number =>
  invoice.payments.reduce((sum, p) => sum + p.amount, 0);

/** The sum of the credit notes issued against the invoice, in minor units. */
export const creditedTotal = (invoice: Pick<Invoice, 'credits'>): number =>
  invoice.credits.reduce((sum, c) => sum + c.amount, 0);

/** Total − credited − paid; what the customer still owes. */
export const openBalance = (invoice: Settled): number =>
  invoice.totals.grandTotal - creditedTotal(invoice) - paidTotal(invoice);

/** Quantity of an invoice line already credited (six decimals, as lines keep). */
export const creditedQuantity = (invoice: Pick<Invoice, 'credits'>, lineId: string): number =>
  roundQuantity(
    invoice.credits.reduce(
      (sum, c) => sum + c.lines.reduce((s, l) => (l.lineId === lineId ? s + l.quantity : s), 0),
      0,
    ),
  );

/** Freight already credited. */
export const creditedFreight = (invoice: Pick<Invoice, 'credits'>): number =>
  invoice.credits.reduce((sum, c) => sum + c.freight, 0);

/** Whether credit notes took off every line in full and the freight. */
export const fullyCredited = (invoice: Settled): boolean =>
  invoice.credits.length > 0 &&
  invoice.lines.every((l) => creditedQuantity(invoice, l.id) >= l.quantity) &&
  creditedFreight(invoice) >= invoice.freight;

/**
 * The state an invoice's payments and credits put it in: canceled when fully credited, paid
 * when payments cover what was not credited, active otherwise.
 */
export const settledState = (invoice: Settled): 'active' | 'paid' | 'canceled' => {
  if (fullyCredited(invoice)) return 'canceled';
  if (invoice.payments.length > 0 && openBalance(invoice) <= 0) return 'paid';
  return 'active';
};
