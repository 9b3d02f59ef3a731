// Invoices (DESIGN.md §3): Active → Paid (payment.ts), or Canceled by credit notes
// (credit-note.ts). Paid and canceled invoices, and credit notes, are read-only: they are
// fiscal documents.
import type { Regarding } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { Invoice } from './records';
import { checkDate, defined, firstError, touched } from './rule-kit';

export const invoiceRegarding = (i: Invoice): Regarding => ({
  type: 'invoice',
  id: i.id,
  ownerId: i.ownerId,
});

const readOnlyText = {
  paid: [
    'This invoice is paid and can no longer be changed.',
    'Questa fattura è pagata e non può più essere modificata.',
  ],
  canceled: [
    'This invoice is canceled and can no longer be changed.',
    'Questa fattura è annullata e non può più essere modificata.',
  ],
  issued: [
    'A credit note is final once issued and can no longer be changed.',
    'Una nota di credito è definitiva una volta emessa e non può più essere modificata.',
  ],
} as const;

export const requireInvoiceActive = (invoice: Invoice): Result<void> => {
  if (invoice.state === 'active') return ok(undefined);
  const [en, it] = readOnlyText[invoice.state];
  return fail('invoice.read_only', en, it, 'state');
};

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
