// Invoice commands: rename or move the due date, record a payment (or the full balance in one
// click), and cancel in full or in part with a credit note (numbered NC/<year>/<series>/<seq>).
import type { CreditNoteInput } from '../../../shared/domain/credit-note';
import { creditNoteIdFor, issueCreditNote } from '../../../shared/domain/credit-note';
import type { Effects } from '../../../shared/domain/effects';
import { written } from '../../../shared/domain/effects';
import { updateInvoice } from '../../../shared/domain/invoice';
import type { RecordPaymentInput } from '../../../shared/domain/payment';
import { markInvoicePaid, recordPayment } from '../../../shared/domain/payment';
import type { Invoice, PaymentMethod } from '../../../shared/domain/records';
import { command } from './command-kit';

const invoiceOf = (effects: Effects): Invoice => written(effects, 'invoice') as Invoice;

/** The credit note and the invoice it corrected, as they are after the command. */
export type CreditNoteIssued = { creditNote: Invoice; invoice: Invoice };

export const invoiceCommandDefs = {
  update: command(
    async (env, input: { id: string; patch: { name?: string; dueDate?: string } }) =>
      updateInvoice(await env.get('invoice', input.id), input.patch, env.ctx),
    invoiceOf,
  ),
  recordPayment: command(async (env, input: { id: string } & RecordPaymentInput) => {
    const { id, ...payment } = input;
    return recordPayment(await env.get('invoice', id), payment, env.ctx);
  }, invoiceOf),
  /** One click: the whole open balance, today. */
  markPaid: command(
    async (env, input: { id: string; paidDate?: string; method?: PaymentMethod }) =>
      markInvoicePaid(await env.get('invoice', input.id), input, env.ctx),
    invoiceOf,
  ),
  /** Idempotent: a retry after a crash reuses the credit note (and number) already written. */
  issueCreditNote: command(
    async (env, input: { id: string } & CreditNoteInput) => {
      const { id, ...rest } = input;
      const invoice = await env.get('invoice', id);
      const existing = await env.find('invoice', creditNoteIdFor(id, invoice.credits.length + 1));
      const numbering = await env.numbering();
      return issueCreditNote({ invoice, numbering, existing }, rest, env.ctx);
    },
    (effects, input): CreditNoteIssued => ({
      creditNote: effects.writes[0]?.doc as Invoice,
      invoice: written(effects, 'invoice', input.id) as Invoice,
    }),
  ),
};
