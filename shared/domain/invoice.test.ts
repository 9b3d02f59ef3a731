import { describe, expect, it } from 'vitest';
import { issueCreditNote } from './credit-note';
import { written } from './effects';
import { updateInvoice } from './invoice';
import { twoLineInvoice } from './invoice-fixtures';
import { initialNumbering } from './numbering';
import { markInvoicePaid } from './payment';
import type { Invoice } from './records';
import { errorCode, makeCtx, unwrap } from './test-fixtures';

const ctx = makeCtx();
const numbering = initialNumbering('AB');

describe('invoices', () => {
  it('keeps paid and canceled invoices, and credit notes, read-only', () => {
    const invoice = twoLineInvoice();
    const paid = written(unwrap(markInvoicePaid(invoice, {}, ctx)), 'invoice') as Invoice;
    const credited = unwrap(issueCreditNote({ invoice, numbering }, {}, ctx));
    const canceled = written(credited, 'invoice', invoice.id) as Invoice;
    const creditNote = credited.writes[0]?.doc as Invoice;
    for (const closed of [paid, canceled, creditNote]) {
      expect(errorCode(markInvoicePaid(closed, {}, ctx))).not.toBe('ok');
      expect(errorCode(issueCreditNote({ invoice: closed, numbering }, {}, ctx))).not.toBe('ok');
      expect(errorCode(updateInvoice(closed, { name: 'x' }, ctx))).toBe('invoice.read_only');
    }
    const r = updateInvoice(paid, { name: 'x' }, ctx);
    if (!r.ok)
      expect(r.error.message.it).toBe('Questa fattura è pagata e non può più essere modificata.');
    const c = updateInvoice(creditNote, { name: 'x' }, ctx);
    if (!c.ok) expect(c.error.message.en).toContain('credit note is final');
  });

  it('lets an active invoice change its name and due date only sensibly', () => {
    const i = twoLineInvoice();
    expect(
      written(unwrap(updateInvoice(i, { dueDate: '2026-06-30' }, ctx)), 'invoice')?.dueDate,
    ).toBe('2026-06-30');
    expect(errorCode(updateInvoice(i, { dueDate: '2026-01-01' }, ctx))).toBe(
      'invoice.due_before_issue',
    );
    expect(errorCode(markInvoicePaid(i, { paidDate: '2026-02-30' }, ctx))).toBe(
      'input.date_invalid',
    );
  });
});
