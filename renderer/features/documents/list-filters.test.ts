import { describe, expect, it } from 'vitest';
import { sampleOrder } from '../../../shared/domain/test-fixtures';
import type { Account, Invoice, Refdata } from '../../../shared/domain/records';
import {
  documentRows,
  isOverdue,
  localToday,
  noDocumentFilters,
  ownerNamesOf,
} from './list-filters';

const invoice = (patch: Partial<Invoice>): Invoice => {
  const {
    quoteId: _q,
    pricesLocked: _p,
    requestedDeliveryDate: _r,
    fulfilledDate: _f,
    ...rest
  } = sampleOrder();
  return {
    ...rest,
    orderId: 'o-1',
    issueDate: '2026-11-01',
    dueDate: '2026-11-30',
    paidDate: null,
    state: 'active',
    status: 'billed',
    ...patch,
  } as Invoice;
};

const accounts = [{ id: 'a-1', name: 'Müller Technik GmbH' } as Account];
const owners = ownerNamesOf([
  { key: 'user-seller', data: { name: 'Sara Rossi' } } as unknown as Refdata,
]);
const ctx = { today: '2026-12-01', userId: 'user-seller' };

describe('document list rows', () => {
  it('joins customer and owner names and flags open invoices past due', () => {
    const [row] = documentRows([invoice({})], accounts, owners, noDocumentFilters, ctx);
    expect(row).toMatchObject({
      accountName: 'Müller Technik GmbH',
      ownerName: 'Sara Rossi',
      date: '2026-11-01',
      overdue: true,
    });
    expect(isOverdue(invoice({ state: 'paid' }), ctx.today)).toBe(false);
    expect(isOverdue(invoice({ dueDate: '2026-12-01' }), ctx.today)).toBe(false);
  });

  it('filters by words of the customer (accents folded), state, owner and overdue', () => {
    const docs = [
      invoice({ id: 'i1' }),
      invoice({ id: 'i2', accountId: null, dueDate: '2027-01-31' }),
      invoice({ id: 'i3', ownerId: 'user-other', state: 'paid', status: 'paid' }),
    ];
    const ids = (f: Partial<typeof noDocumentFilters>) =>
      documentRows(docs, accounts, owners, { ...noDocumentFilters, ...f }, ctx).map(
        (r) => r.doc.id,
      );
    expect(ids({ text: 'muller' })).toEqual(['i1', 'i3']);
    expect(ids({ overdueOnly: true })).toEqual(['i1']);
    expect(ids({ state: 'paid' })).toEqual(['i3']);
    expect(ids({ owner: 'mine' })).toEqual(['i1', 'i2']);
  });

  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
