// Credit notes (FatturaPA TD04, DESIGN.md §3): an issued invoice is never edited or deleted;
// cancelling it, in full or in part (some lines, some quantity), issues a credit note with
// its own yearly number NC/<year>/<series>/<seq> that references the invoice it corrects.
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { checkMove } from './lifecycle-moves';
import { derivedId } from './ids';
import { invoiceRegarding, requireInvoiceActive } from './invoice';
import {
  creditedFreight,
  creditedQuantity,
  openBalance,
  paidTotal,
  settledState,
} from './invoice-balance';
import { computeTotals, lineAmount, roundHalfUpDiv, roundQuantity } from './money';
import type { NumberingState } from './numbering';
import { nextNumber } from './numbering';
import type { CreditApplied, Invoice, Line } from './records';
import { checkDate, created, today, touched } from './rule-kit';

export type CreditLineInput = { lineId: string; quantity: number };

export type CreditNoteInput = {
  /** Lines and quantities to credit; everything not yet credited by default. */
  lines?: readonly CreditLineInput[];
  /** Credit the freight not yet credited; by default only when every line is credited in full. */
  includeFreight?: boolean;
  /** Today by default. */
  issueDate?: string;
};

export type CreditNoteDocuments = {
  invoice: Invoice;
  numbering: NumberingState;
  /** The credit note a previous, interrupted run of this command already wrote. */
  existing?: Invoice;
};

/** Id of the n-th credit note of an invoice (1-based): derived, so a retry reuses it. */
export const creditNoteIdFor = (invoiceId: string, n: number): string =>
  derivedId(invoiceId, `creditNote:${n}`);

// Share `part / whole` of an amount, rounded half-up; cumulative shares are taken so the
// last credit gets the exact remainder of a discount or of the freight.
const share = (amount: number, part: number, whole: number): number =>
  whole === 0
    ? 0
    : Number(
        roundHalfUpDiv(
          BigInt(amount) * BigInt(Math.round(part * 1e6)),
          BigInt(Math.round(whole * 1e6)),
        ),
      );

const overCredit = (line: Line, left: number): Result<never> =>
  fail(
    'credit_note.over_credit',
    `At most ${left} of "${line.name}" can still be credited.`,
    `Di "${line.name}" si possono ancora stornare al massimo ${left}.`,
    `lines.${line.id}`,
  );

/** The credit note's lines: the invoice lines' prices, the credited quantities. */
const creditLines = (invoice: Invoice, wanted: readonly CreditLineInput[]): Result<Line[]> => {
  const lines: Line[] = [];
  for (const w of wanted) {
    const line = invoice.lines.find((l) => l.id === w.lineId);
    if (line === undefined) {
      return fail(
        'credit_note.line_not_found',
        'This line is not on the invoice.',
        'Questa riga non è presente nella fattura.',
        `lines.${w.lineId}`,
      );
    }
    const before = creditedQuantity(invoice, line.id);
    const left = roundQuantity(line.quantity - before);
    const quantity = roundQuantity(w.quantity);
    if (!(quantity > 0)) continue;
    if (quantity > left) return overCredit(line, left);
    // The line discount is credited in proportion to the quantity.
    const discount =
      share(line.discount, before + quantity, line.quantity) -
      share(line.discount, before, line.quantity);
    lines.push({
      ...line,
      quantity,
      discount,
      amount: lineAmount(line.unitPrice, quantity, discount),
    });
  }
  return ok(lines);
};

/** Amount of the invoice's lines credited so far plus `extra` (a credit note's lines). */
const creditedLinesBase = (invoice: Invoice, extra: readonly Line[]): number =>
  invoice.lines.reduce((sum, line) => {
    const q = roundQuantity(
      creditedQuantity(invoice, line.id) +
        extra.filter((l) => l.id === line.id).reduce((s, l) => s + l.quantity, 0),
    );
    if (q === 0) return sum;
    const discount = share(line.discount, q, line.quantity);
    return sum + lineAmount(line.unitPrice, q, discount);
  }, 0);

/**
 * Issues a credit note against an active invoice and updates the invoice: canceled when it
 * is credited in full, paid when payments cover what is left, active otherwise.
 */
export const issueCreditNote = (
  docs: CreditNoteDocuments,
  input: CreditNoteInput,
  ctx: RuleContext,
): Result<Effects> => {
  const { invoice, existing } = docs;
  if (invoice.documentType !== 'invoice') {
    return fail(
      'credit_note.of_credit_note',
      'A credit note cannot itself be credited.',
      'Una nota di credito non può essere stornata.',
      'documentType',
    );
  }
  const active = requireInvoiceActive(invoice);
  if (!active.ok) return active;
  const dateCheck = checkDate(input.issueDate, 'issueDate');
  if (!dateCheck.ok) return dateCheck;
  const issueDate = existing?.issueDate ?? input.issueDate ?? today(ctx);
  if (issueDate < invoice.issueDate) {
    return fail(
      'credit_note.before_invoice',
      'A credit note cannot be dated before the invoice it corrects.',
      'Una nota di credito non può avere una data precedente alla fattura che rettifica.',
      'issueDate',
    );
  }
  const wanted =
    input.lines ??
    invoice.lines.map((l) => ({
      lineId: l.id,
      quantity: roundQuantity(l.quantity - creditedQuantity(invoice, l.id)),
    }));
  const lines = creditLines(invoice, wanted);
  if (!lines.ok) return lines;
  const completesLines = invoice.lines.every(
    (l) =>
      roundQuantity(
        creditedQuantity(invoice, l.id) +
          lines.value.filter((c) => c.id === l.id).reduce((s, c) => s + c.quantity, 0),
      ) >= l.quantity,
  );
  const freight =
    (input.includeFreight ?? completesLines) ? invoice.freight - creditedFreight(invoice) : 0;
  if (lines.value.length === 0 && freight === 0) {
    return fail(
      'credit_note.empty',
      'Choose at least one line and a quantity to credit.',
      'Scegli almeno una riga e una quantità da stornare.',
      'lines',
    );
  }
  // An amount header discount is credited in proportion to the credited line amounts.
  const header = invoice.headerDiscount;
  const headerDiscount =
    header === null || header.kind === 'percent'
      ? header
      : {
          kind: 'amount' as const,
          value: Math.min(
            share(
              header.value,
              creditedLinesBase(invoice, lines.value),
              invoice.totals.linesTotal,
            ) - share(header.value, creditedLinesBase(invoice, []), invoice.totals.linesTotal),
            lines.value.reduce((s, l) => s + l.amount, 0),
          ),
        };
  const totals = computeTotals({
    lines: lines.value,
    headerDiscount,
    freight,
    freightVatRate: invoice.freightVatRate,
  });
  // Refunds are not handled here: once the customer paid, only the open balance is credited.
  if (invoice.payments.length > 0 && totals.grandTotal > openBalance(invoice)) {
    return fail(
      'credit_note.over_balance',
      `The customer has already paid ${(paidTotal(invoice) / 100).toFixed(2)}: a credit note can take off at most the open balance of ${(openBalance(invoice) / 100).toFixed(2)}.`,
      `Il cliente ha già pagato ${(paidTotal(invoice) / 100).toFixed(2).replace('.', ',')}: la nota di credito può stornare al massimo il saldo aperto di ${(openBalance(invoice) / 100).toFixed(2).replace('.', ',')}.`,
      'lines',
    );
  }
  const id = creditNoteIdFor(invoice.id, invoice.credits.length + 1);
  const allocated =
    existing === undefined ? nextNumber(docs.numbering, 'creditNote', issueDate) : null;
  const creditNote: Invoice = existing ?? {
    ...created(ctx, id, invoice.ownerId),
    number: allocated?.number ?? '',
    name: invoice.name,
    orderId: invoice.orderId,
    opportunityId: invoice.opportunityId,
    accountId: invoice.accountId,
    currency: invoice.currency,
    priceListId: invoice.priceListId,
    lines: lines.value,
    headerDiscount,
    freight,
    freightVatRate: invoice.freightVatRate,
    totals,
    customerReference: invoice.customerReference,
    issueDate,
    dueDate: issueDate,
    paidDate: null,
    state: 'issued',
    status: 'issued',
    documentType: 'creditNote',
    correctedInvoiceId: invoice.id,
    correctedInvoiceNumber: invoice.number,
    correctedInvoiceDate: invoice.issueDate,
    payments: [],
    credits: [],
  };
  const applied: CreditApplied = {
    creditNoteId: creditNote.id,
    number: creditNote.number,
    issueDate: creditNote.issueDate,
    amount: creditNote.totals.grandTotal,
    freight: creditNote.freight,
    lines: creditNote.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
  };
  const credited = { ...invoice, credits: [...invoice.credits, applied] };
  const state = settledState(credited);
  const lastPayment = credited.payments.reduce<string | null>(
    (d, p) => (d === null || p.date > d ? p.date : d),
    null,
  );
  const next: Invoice =
    state === 'canceled'
      ? { ...credited, state: 'canceled', status: 'canceled' }
      : state === 'paid'
        ? { ...credited, state: 'paid', status: 'paid', paidDate: lastPayment }
        : credited;
  if (next.state !== invoice.state) {
    const move = checkMove('invoice', 'issueCreditNote', invoice, next);
    if (!move.ok) return move;
  }
  const data = {
    creditNoteId: creditNote.id,
    creditNoteNumber: creditNote.number,
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    amount: applied.amount,
    full: state === 'canceled',
  };
  const activity = (on: Invoice, event: string) =>
    write(
      'activity',
      systemActivity(
        ctx,
        invoiceRegarding(on),
        event,
        on.number,
        { number: on.number, ...data },
        derivedId(on.id, `activity:${event}:${creditNote.id}`),
      ),
    );
  return ok({
    writes: [
      write('invoice', creditNote),
      activity(creditNote, 'credit_note.issued'),
      activity(invoice, state === 'canceled' ? 'invoice.canceled' : 'invoice.credited'),
      // Crediting what was left unpaid settles the invoice.
      ...(state === 'paid' ? [activity(invoice, 'invoice.paid')] : []),
      write('invoice', { ...next, ...touched(ctx) }),
    ],
    ...(allocated !== null ? { numbering: allocated.state } : {}),
  });
};
