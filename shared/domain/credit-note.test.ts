import { describe, expect, it } from 'vitest';
import { creditNoteIdFor, issueCreditNote } from './credit-note';
import type { Effects } from './effects';
import { written } from './effects';
import { creditedTotal, openBalance } from './invoice-balance';
import { twoLineInvoice } from './invoice-fixtures';
import { computeTotals } from './money';
import { initialNumbering } from './numbering';
import { recordPayment } from './payment';
import type { Invoice } from './records';
import { errorCode, makeCtx, unwrap } from './test-fixtures';
import { validateChange } from './validate-change';

const ctx = makeCtx('2026-04-02T09:00:00.000Z');
const numbering = initialNumbering('AB');

const credit = (invoice: Invoice, input: Parameters<typeof issueCreditNote>[1] = {}) =>
  issueCreditNote({ invoice, numbering }, input, ctx);
const creditNoteOf = (effects: Effects): Invoice =>
  effects.writes.find((w) => w.type === 'invoice' && w.doc.id !== undefined)?.doc as Invoice;
const invoiceAfter = (effects: Effects, id: string): Invoice =>
  written(effects, 'invoice', id) as Invoice;

describe('credit notes', () => {
  it('credits a whole invoice: the credit note mirrors it and the invoice is canceled', () => {
    const invoice = twoLineInvoice();
    const effects = unwrap(credit(invoice));
    const cn = creditNoteOf(effects);
    expect(cn).toMatchObject({
      id: creditNoteIdFor(invoice.id, 1),
      number: 'NC/2026/AB/00001',
      documentType: 'creditNote',
      state: 'issued',
      status: 'issued',
      correctedInvoiceId: invoice.id,
      correctedInvoiceNumber: 'INV/2026/AB/00001',
      correctedInvoiceDate: '2026-03-10',
      issueDate: '2026-04-02',
      freight: 3_000,
      headerDiscount: { kind: 'amount', value: 2_000 },
      payments: [],
      credits: [],
    });
    expect(cn.totals).toEqual(invoice.totals);
    const after = invoiceAfter(effects, invoice.id);
    expect(after).toMatchObject({ state: 'canceled', status: 'canceled' });
    expect(after.credits).toEqual([
      {
        creditNoteId: cn.id,
        number: cn.number,
        issueDate: '2026-04-02',
        amount: invoice.totals.grandTotal,
        freight: 3_000,
        lines: [
          { lineId: 'l-pump', quantity: 3 },
          { lineId: 'l-manual', quantity: 1 },
        ],
      },
    ]);
    expect(effects.numbering?.creditNote).toEqual({ '2026': 1 });
    // A system activity on both timelines.
    const events = effects.writes.flatMap((w) =>
      w.type === 'activity' ? [[w.doc.regardingId, w.doc.event]] : [],
    );
    expect(events).toEqual([
      [cn.id, 'credit_note.issued'],
      [invoice.id, 'invoice.canceled'],
    ]);
  });

  it('credits part of a line; the discounts are split so the parts add up to the whole', () => {
    const invoice = twoLineInvoice();
    const first = unwrap(credit(invoice, { lines: [{ lineId: 'l-pump', quantity: 1 }] }));
    const cn1 = creditNoteOf(first);
    const mid = invoiceAfter(first, invoice.id);
    expect(cn1.lines).toEqual([
      expect.objectContaining({ id: 'l-pump', quantity: 1, discount: 333, amount: 9_667 }),
    ]);
    expect(cn1.freight).toBe(0);
    expect(cn1.totals).toEqual(
      computeTotals({
        lines: cn1.lines,
        headerDiscount: cn1.headerDiscount,
        freight: 0,
        freightVatRate: 2200,
      }),
    );
    // Partly credited: it stays active and shows what was credited.
    expect(mid.state).toBe('active');
    expect(creditedTotal(mid)).toBe(cn1.totals.grandTotal);
    expect(openBalance(mid)).toBe(invoice.totals.grandTotal - cn1.totals.grandTotal);

    const second = unwrap(
      issueCreditNote({ invoice: mid, numbering: first.numbering ?? numbering }, {}, ctx),
    );
    const cn2 = creditNoteOf(second);
    expect(cn2.number).toBe('NC/2026/AB/00002');
    expect(cn2.id).toBe(creditNoteIdFor(invoice.id, 2));
    expect(cn2.lines.map((l) => [l.id, l.quantity, l.discount])).toEqual([
      ['l-pump', 2, 667],
      ['l-manual', 1, 0],
    ]);
    expect(cn2.freight).toBe(3_000);
    // The amount header discount is credited in proportion, the remainder with the last one.
    expect((cn1.headerDiscount?.value ?? 0) + (cn2.headerDiscount?.value ?? 0)).toBe(2_000);
    expect(cn1.totals.taxableTotal + cn2.totals.taxableTotal).toBe(invoice.totals.taxableTotal);
    expect(invoiceAfter(second, invoice.id).state).toBe('canceled');
  });

  it('refuses to credit more than was invoiced, and an empty credit', () => {
    const invoice = twoLineInvoice();
    expect(errorCode(credit(invoice, { lines: [{ lineId: 'l-pump', quantity: 4 }] }))).toBe(
      'credit_note.over_credit',
    );
    const mid = invoiceAfter(
      unwrap(credit(invoice, { lines: [{ lineId: 'l-pump', quantity: 2.5 }] })),
      invoice.id,
    );
    const r = credit(mid, { lines: [{ lineId: 'l-pump', quantity: 1 }] });
    expect(errorCode(r)).toBe('credit_note.over_credit');
    if (!r.ok) expect(r.error.message.it).toContain('al massimo 0.5');
    expect(errorCode(credit(invoice, { lines: [], includeFreight: false }))).toBe(
      'credit_note.empty',
    );
    expect(errorCode(credit(invoice, { lines: [{ lineId: 'nope', quantity: 1 }] }))).toBe(
      'credit_note.line_not_found',
    );
    expect(errorCode(credit(invoice, { issueDate: '2026-03-01' }))).toBe(
      'credit_note.before_invoice',
    );
  });

  it('refuses to credit a credit note, or a paid invoice', () => {
    const invoice = twoLineInvoice();
    const cn = creditNoteOf(unwrap(credit(invoice)));
    expect(errorCode(credit(cn))).toBe('credit_note.of_credit_note');
    const paid = written(unwrap(recordPayment(invoice, {}, ctx)), 'invoice') as Invoice;
    expect(errorCode(credit(paid))).toBe('invoice.read_only');
  });

  it('after a partial payment, credits only up to the open balance; the rest makes it paid', () => {
    const invoice = twoLineInvoice();
    const pumpShare = 35_000; // a payment that leaves the manual line and a bit open
    const partly = written(
      unwrap(recordPayment(invoice, { amount: pumpShare, method: 'card' }, ctx)),
      'invoice',
    ) as Invoice;
    expect(errorCode(credit(partly))).toBe('credit_note.over_balance');
    const effects = unwrap(credit(partly, { lines: [{ lineId: 'l-manual', quantity: 1 }] }));
    const after = invoiceAfter(effects, invoice.id);
    expect(after.state).toBe('active');
    expect(
      effects.writes.some((w) => w.type === 'activity' && w.doc.event === 'invoice.paid'),
    ).toBe(false);
    const balance = openBalance(after);
    expect(balance).toBeGreaterThan(0);
    const paid = written(
      unwrap(recordPayment(after, { method: 'cash' }, ctx)),
      'invoice',
    ) as Invoice;
    expect(paid).toMatchObject({ state: 'paid', paidDate: '2026-04-02' });
    expect(openBalance(paid)).toBe(0);

    // Paying all but the manual line, then crediting it, settles the invoice.
    // The manual line's credit: 50.00 less its share of the header discount, plus 4% VAT.
    const manualCredit = 4_706 + 188;
    const mostly = written(
      unwrap(recordPayment(invoice, { amount: openBalance(invoice) - manualCredit }, ctx)),
      'invoice',
    ) as Invoice;
    const settled = unwrap(credit(mostly, { lines: [{ lineId: 'l-manual', quantity: 1 }] }));
    expect(creditNoteOf(settled).totals.grandTotal).toBe(manualCredit);
    expect(invoiceAfter(settled, invoice.id)).toMatchObject({ state: 'paid', status: 'paid' });
    expect(settled.writes.map((w) => (w.type === 'activity' ? w.doc.event : w.type))).toEqual([
      'invoice',
      'credit_note.issued',
      'invoice.credited',
      'invoice.paid',
      'invoice',
    ]);
    expect(validateChange('invoice', mostly, invoiceAfter(settled, invoice.id), ctx.actor).ok).toBe(
      true,
    );
  });

  it('numbers credit notes per year, apart from invoices', () => {
    const invoice = twoLineInvoice();
    const next = unwrap(
      issueCreditNote(
        { invoice, numbering: { ...numbering, creditNote: { '2026': 7 } } },
        { issueDate: '2027-01-04' },
        ctx,
      ),
    );
    expect(creditNoteOf(next).number).toBe('NC/2027/AB/00001');
    expect(next.numbering?.creditNote).toEqual({ '2026': 7, '2027': 1 });
    expect(next.numbering?.invoice).toEqual(numbering.invoice);
  });

  it('reuses the credit note a crashed run already wrote', () => {
    const invoice = twoLineInvoice();
    const cn = creditNoteOf(unwrap(credit(invoice)));
    const retry = unwrap(issueCreditNote({ invoice, numbering, existing: cn }, {}, ctx));
    expect(creditNoteOf(retry)).toEqual(cn);
    expect(retry.numbering).toBeUndefined();
  });

  it('passes the server check: new credit note and credited invoice', () => {
    const invoice = twoLineInvoice();
    const effects = unwrap(credit(invoice, { lines: [{ lineId: 'l-pump', quantity: 1 }] }));
    const cn = creditNoteOf(effects);
    expect(validateChange('invoice', null, cn, ctx.actor).ok).toBe(true);
    expect(
      validateChange('invoice', invoice, invoiceAfter(effects, invoice.id), ctx.actor).ok,
    ).toBe(true);
  });
});
