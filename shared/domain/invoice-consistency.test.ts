import { describe, expect, it } from 'vitest';
import { issueCreditNote } from './credit-note';
import { written } from './effects';
import { twoLineInvoice } from './invoice-fixtures';
import { initialNumbering } from './numbering';
import { recordPayment } from './payment';
import type { Account, Invoice } from './records';
import { needsUpgrade, upgradeRecord } from './record-upgrade';
import { createAccount } from './account';
import { errorCode, makeCtx, unwrap } from './test-fixtures';
import { validateChange } from './validate-change';

const ctx = makeCtx('2026-04-02T09:00:00.000Z');
const numbering = initialNumbering('AB');
const check = (before: Invoice | null, after: unknown) =>
  errorCode(validateChange('invoice', before, after, ctx.actor));
const later = { updatedAt: '2026-04-03T00:00:00.000Z' };

const creditNoteOf = (invoice: Invoice): Invoice =>
  unwrap(issueCreditNote({ invoice, numbering }, {}, ctx)).writes[0]?.doc as Invoice;

describe('server check of invoices and credit notes', () => {
  it('accepts a new credit note only as issued, numbered NC and naming its invoice', () => {
    const cn = creditNoteOf(twoLineInvoice());
    expect(check(null, cn)).toBe('ok');
    expect(check(null, { ...cn, state: 'active', status: 'billed' })).toBe(
      'change.illegal_transition',
    );
    expect(check(null, { ...cn, number: 'INV/2026/AB/00009' })).toBe('change.number_invalid');
    expect(check(null, { ...cn, correctedInvoiceId: null })).toBe('credit_note.no_invoice');
    expect(check(null, { ...cn, correctedInvoiceDate: '2026-05-01' })).toBe(
      'credit_note.before_invoice',
    );
    const invoice = twoLineInvoice();
    expect(check(null, { ...invoice, state: 'issued', status: 'issued' })).toBe(
      'change.illegal_transition',
    );
    expect(check(null, { ...invoice, number: 'NC/2026/AB/00001' })).toBe('change.number_invalid');
  });

  it('refuses any change of an issued credit note', () => {
    const cn = creditNoteOf(twoLineInvoice());
    for (const patch of [{ name: 'x' }, { dueDate: '2026-12-31' }, { ownerId: 'someone' }]) {
      expect(check(cn, { ...cn, ...patch, ...later })).toBe('invoice.read_only');
    }
  });

  it('refuses overpayment, over-credit and a state that does not follow them', () => {
    const invoice = twoLineInvoice();
    const paid = written(unwrap(recordPayment(invoice, {}, ctx)), 'invoice') as Invoice;
    const extra = { id: 'p-x', date: '2026-04-02', method: 'cash' as const, amount: 1 };
    expect(check(invoice, { ...paid, payments: [...paid.payments, extra] })).toBe(
      'payment.over_balance',
    );
    expect(check(invoice, { ...paid, state: 'active', status: 'billed', paidDate: null })).toBe(
      'change.illegal_transition',
    );
    const credited = written(
      unwrap(issueCreditNote({ invoice, numbering }, {}, ctx)),
      'invoice',
      invoice.id,
    ) as Invoice;
    const doubled = { ...credited, credits: [...credited.credits, ...credited.credits] };
    expect(check(invoice, doubled)).toBe('credit_note.over_credit');
    expect(check(invoice, { ...credited, state: 'active', status: 'billed' })).toBe(
      'change.illegal_transition',
    );
    expect(check(invoice, { ...invoice, state: 'canceled', status: 'canceled', ...later })).toBe(
      'invoice.cancel_needs_credit_note',
    );
  });
});

describe('documents of older devices', () => {
  it('read with the defaults of the fields added since', () => {
    const account = written(unwrap(createAccount({ name: 'Müller GmbH' }, ctx)), 'account');
    const {
      shippingAddress: _s,
      documentLanguage: _l,
      ...old
    } = {
      ...(account as Account),
      address: { country: 'DE' },
    };
    expect(needsUpgrade('account', old)).toBe(true);
    expect(upgradeRecord('account', old)).toMatchObject({
      shippingAddress: {},
      documentLanguage: 'en',
    });
    const invoice = twoLineInvoice();
    expect(upgradeRecord('invoice', invoice)).toBe(invoice); // current: untouched
    const { documentType: _t, payments: _p, credits: _c, ...oldInvoice } = invoice;
    expect(upgradeRecord('invoice', oldInvoice)).toEqual(invoice);
    expect(validateChange('account', null, old, ctx.actor).ok).toBe(true);
  });
});
