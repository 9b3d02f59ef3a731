// Invoices (DESIGN.md §3): Active → Paid, or Canceled. Paid and canceled invoices are
// read-only: they are fiscal documents.
import type { Regarding } from './activity';
import type { RuleContext } from './context';
import { documentTransition, onDate } from './document-transition';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { derivedId } from './ids';
import type { Invoice } from './records';
import { checkDate, defined, firstError, touched } from './rule-kit';

export const invoiceRegarding = (i: Invoice): Regarding => ({
  type: 'invoice',
  id: i.id,
  ownerId: i.ownerId,
});

export const requireInvoiceActive = (invoice: Invoice): Result<void> =>
  invoice.state === 'active'
    ? ok(undefined)
    : fail(
        'invoice.read_only',
        invoice.state === 'paid'
          ? 'This invoice is paid and can no longer be changed.'
          : 'This invoice is canceled and can no longer be changed.',
        invoice.state === 'paid'
          ? 'Questa fattura è pagata e non può più essere modificata.'
          : 'Questa fattura è annullata e non può più essere modificata.',
        'state',
      );

const transition = (
  invoice: Invoice,
  next: Invoice,
  event: string,
  data: Record<string, unknown>,
  ctx: RuleContext,
): Effects =>
  documentTransition(
    { type: 'invoice', next },
    {
      regarding: invoiceRegarding(invoice),
      event,
      number: invoice.number,
      data,
      activityId: derivedId(invoice.id, `activity:${event}`),
    },
    ctx,
  );

/** Changes the name or due date of an active invoice (lines and totals never change). */
export const updateInvoice = (
  invoice: Invoice,
  patch: { name?: string; dueDate?: string },
  ctx: RuleContext,
): Result<Effects> => {
  const check = firstError(requireInvoiceActive(invoice), checkDate(patch.dueDate, 'dueDate'));
  if (!check.ok) return check;
  const next = { ...invoice, ...defined(patch) };
  if (next.dueDate < next.issueDate) {
    return fail(
      'invoice.due_before_issue',
      'The due date cannot be before the issue date.',
      'La data di scadenza non può precedere la data di emissione.',
      'dueDate',
    );
  }
  return ok({ writes: [write('invoice', { ...next, ...touched(ctx) })] });
};

/** Active → Paid on the given date (today by default). */
export const markInvoicePaid = (
  invoice: Invoice,
  input: { paidDate?: string },
  ctx: RuleContext,
): Result<Effects> =>
  onDate(requireInvoiceActive(invoice), input.paidDate, 'paidDate', ctx, (paidDate) =>
    transition(
      invoice,
      { ...invoice, state: 'paid', status: 'paid', paidDate },
      'invoice.paid',
      { paidDate },
      ctx,
    ),
  );

/** Active → Canceled. */
export const cancelInvoice = (invoice: Invoice, ctx: RuleContext): Result<Effects> => {
  const check = requireInvoiceActive(invoice);
  if (!check.ok) return check;
  return ok(
    transition(
      invoice,
      { ...invoice, state: 'canceled', status: 'canceled' },
      'invoice.canceled',
      {},
      ctx,
    ),
  );
};
