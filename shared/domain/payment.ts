// Payments against an invoice (DESIGN.md §3): each has a date, a method and an amount; the
// invoice is paid when its payments cover what was not credited. Overpayment is refused.
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { checkMove } from './lifecycle-moves';
import { derivedId } from './ids';
import { requireInvoiceActive, invoiceRegarding } from './invoice';
import { openBalance, paidTotal, settledState } from './invoice-balance';
import type { Invoice, Payment, PaymentMethod } from './records';
import { paymentMethods } from './records';
import { checkDate, firstError, today, touched } from './rule-kit';

export type RecordPaymentInput = {
  /** Pass the same id on a retry so the payment is not recorded twice. */
  id?: string;
  /** Today by default. */
  date?: string;
  method?: PaymentMethod;
  /** Minor units; the open balance by default (a full payment). */
  amount?: number;
};

const requireInvoice = (invoice: Invoice): Result<void> =>
  invoice.documentType === 'invoice'
    ? requireInvoiceActive(invoice)
    : fail(
        'payment.credit_note',
        'Payments are recorded on the invoice, not on its credit note.',
        'I pagamenti si registrano sulla fattura, non sulla nota di credito.',
        'payments',
      );

/** The amount of a payment, checked against the open balance. */
export const checkPaymentAmount = (invoice: Invoice, amount: number): Result<void> => {
  const balance = openBalance(invoice);
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return fail(
      'payment.amount_invalid',
      'The payment amount must be more than zero.',
      "L'importo del pagamento deve essere maggiore di zero.",
      'amount',
    );
  }
  return amount <= balance
    ? ok(undefined)
    : fail(
        'payment.over_balance',
        `The payment is more than the open balance of ${(balance / 100).toFixed(2)}.`,
        `Il pagamento supera il saldo aperto di ${(balance / 100).toFixed(2).replace('.', ',')}.`,
        'amount',
      );
};

/** Records a payment; the invoice becomes Paid when the open balance reaches zero. */
export const recordPayment = (
  invoice: Invoice,
  input: RecordPaymentInput,
  ctx: RuleContext,
): Result<Effects> => {
  const method = input.method ?? 'bank_transfer';
  const check = firstError(requireInvoice(invoice), checkDate(input.date, 'date'));
  if (!check.ok) return check;
  if (!paymentMethods.includes(method)) {
    return fail(
      'payment.method_invalid',
      'Choose how the customer paid.',
      'Scegli come ha pagato il cliente.',
      'method',
    );
  }
  const date = input.date ?? today(ctx);
  if (date < invoice.issueDate) {
    return fail(
      'payment.before_issue',
      'A payment cannot be dated before the invoice was issued.',
      'Un pagamento non può avere una data precedente all’emissione della fattura.',
      'date',
    );
  }
  const amount = input.amount ?? openBalance(invoice);
  const amountCheck = checkPaymentAmount(invoice, amount);
  if (!amountCheck.ok) return amountCheck;
  const payment: Payment = { id: input.id ?? ctx.newId(), date, method, amount };
  const paid = { ...invoice, payments: [...invoice.payments, payment] };
  const state = settledState(paid);
  const next: Invoice =
    state === 'paid' ? { ...paid, state: 'paid', status: 'paid', paidDate: date } : paid;
  if (next.state !== invoice.state) {
    const move = checkMove('invoice', 'recordPayment', invoice, next);
    if (!move.ok) return move;
  }
  const regarding = invoiceRegarding(invoice);
  const activity = (event: string, data: Record<string, unknown>) =>
    write(
      'activity',
      systemActivity(
        ctx,
        regarding,
        event,
        invoice.number,
        { number: invoice.number, ...data },
        derivedId(invoice.id, `activity:${event}:${payment.id}`),
      ),
    );
  return ok({
    writes: [
      activity('invoice.payment_recorded', {
        amount,
        method,
        date,
        paidTotal: paidTotal(next),
        balance: openBalance(next),
      }),
      ...(state === 'paid' ? [activity('invoice.paid', { paidDate: date })] : []),
      write('invoice', { ...next, ...touched(ctx) }),
    ],
  });
};

/** One click: a payment of the whole open balance, which makes the invoice Paid. */
export const markInvoicePaid = (
  invoice: Invoice,
  input: { paidDate?: string; method?: PaymentMethod },
  ctx: RuleContext,
): Result<Effects> =>
  recordPayment(
    invoice,
    {
      ...(input.paidDate !== undefined ? { date: input.paidDate } : {}),
      ...(input.method !== undefined ? { method: input.method } : {}),
    },
    ctx,
  );
