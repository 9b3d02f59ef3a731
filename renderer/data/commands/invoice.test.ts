// Payments and credit notes through the device's commands on a real RxDB Dexie store:
// what is stored, the numbering state, and refusals that write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/context';
import { openBalance } from '../../../shared/domain/invoice-balance';
import type { Invoice } from '../../../shared/domain/records';
import { priceList, product } from '../../../shared/domain/test-fixtures';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import {
  readNumbering,
  reconcileWithStore,
  saveNumbering,
  setupNumbering,
} from '../numbering-store';
import { countingIds, openTestDatabase, steppingClock, unwrap } from '../test-support';
import type { FairleadCommands } from './index';
import { createCommands } from './index';

const seller: Actor = { userId: 'user-seller', role: 'seller', teamId: 'team-north' };

let db: FairleadDatabase;
let commands: FairleadCommands;

beforeEach(async () => {
  db = await openTestDatabase();
  await loadDataset(db, {
    product: [product('p-1', 'RACK-1'), product('p-2', 'BOLT-2', 1000)],
    pricelist: [
      priceList('pl-eur', [
        { productId: 'p-1', unitPrice: 125_000 },
        { productId: 'p-2', unitPrice: 250 },
      ]),
    ],
  });
  await setupNumbering(db, 'AB');
  commands = createCommands(db, seller, { clock: steppingClock(), newId: countingIds() });
});
afterEach(async () => {
  await db.remove();
});

/** An invoice of 2 racks and 40 bolts for an account with its SDI code. */
const issueInvoice = async (): Promise<Invoice> => {
  const account = unwrap(
    await commands.account.create({ name: 'Officine Bianchi Srl', vatNumber: '00159560366' }),
  );
  const opp = unwrap(
    await commands.opportunity.create({
      topic: 'Scaffali',
      accountId: account.id,
      priceListId: 'pl-eur',
    }),
  );
  for (const [productId, quantity] of [
    ['p-1', 2],
    ['p-2', 40],
  ] as const) {
    unwrap(
      await commands.opportunity.addLine({
        id: opp.id,
        line: { kind: 'catalog', productId, quantity, discount: 0 },
      }),
    );
  }
  const quote = unwrap(await commands.quote.create({ opportunityId: opp.id }));
  unwrap(await commands.quote.activate({ id: quote.id }));
  const order = unwrap(await commands.quote.createOrder({ id: quote.id }));
  unwrap(await commands.order.fulfil({ id: order.id }));
  return unwrap(await commands.order.createInvoice({ id: order.id }));
};

const stored = async (id: string): Promise<Invoice> =>
  (await db.invoices.findOne(id).exec())?.toMutableJSON() as Invoice;

describe('invoice payments', () => {
  it('records a partial payment, refuses an overpayment, then pays the rest in one click', async () => {
    const invoice = await issueInvoice();
    const total = invoice.totals.grandTotal;
    const partly = unwrap(
      await commands.invoice.recordPayment({
        id: invoice.id,
        amount: 100_000,
        method: 'card',
        date: '2026-12-01',
      }),
    );
    expect(partly.state).toBe('active');
    expect(openBalance(await stored(invoice.id))).toBe(total - 100_000);

    const over = await commands.invoice.recordPayment({ id: invoice.id, amount: total });
    expect(over.ok ? '' : over.error.code).toBe('payment.over_balance');
    expect((await stored(invoice.id)).payments).toHaveLength(1);

    const paid = unwrap(
      await commands.invoice.markPaid({ id: invoice.id, method: 'bank_transfer' }),
    );
    expect(paid.state).toBe('paid');
    expect(paid.payments.map((p) => p.amount)).toEqual([100_000, total - 100_000]);
    const events = (await db.activities.find({ selector: { regardingId: invoice.id } }).exec()).map(
      (a) => a.event,
    );
    expect(events.filter((e) => e === 'invoice.payment_recorded')).toHaveLength(2);
    expect(events).toContain('invoice.paid');
  });
});

describe('credit notes', () => {
  it('credits part of the invoice, then the rest; the NC series is apart from invoices', async () => {
    const invoice = await issueInvoice();
    const bolts = invoice.lines.find((l) => l.sku === 'BOLT-2');
    const racks = invoice.lines.find((l) => l.sku === 'RACK-1');
    if (bolts === undefined || racks === undefined) throw new Error('lines missing');

    const first = unwrap(
      await commands.invoice.issueCreditNote({
        id: invoice.id,
        lines: [{ lineId: bolts.id, quantity: 10 }],
      }),
    );
    expect(first.creditNote).toMatchObject({
      number: 'NC/2026/AB/00001',
      documentType: 'creditNote',
      state: 'issued',
      correctedInvoiceId: invoice.id,
      correctedInvoiceNumber: 'INV/2026/AB/00001',
      correctedInvoiceDate: invoice.issueDate,
    });
    expect(first.creditNote.lines).toEqual([
      expect.objectContaining({ id: bolts.id, quantity: 10 }),
    ]);
    expect(first.invoice.state).toBe('active');
    expect((await stored(first.creditNote.id)).number).toBe('NC/2026/AB/00001');
    expect((await stored(invoice.id)).credits).toHaveLength(1);
    expect(await readNumbering(db)).toMatchObject({
      invoice: { '2026': 1 },
      creditNote: { '2026': 1 },
    });

    const over = await commands.invoice.issueCreditNote({
      id: invoice.id,
      lines: [{ lineId: bolts.id, quantity: 31 }],
    });
    expect(over.ok ? '' : over.error.code).toBe('credit_note.over_credit');
    expect(
      await db.invoices.find({ selector: { documentType: 'creditNote' } }).exec(),
    ).toHaveLength(1);

    const rest = unwrap(await commands.invoice.issueCreditNote({ id: invoice.id }));
    expect(rest.creditNote.number).toBe('NC/2026/AB/00002');
    expect(rest.creditNote.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['RACK-1', 2],
      ['BOLT-2', 30],
    ]);
    expect((await stored(invoice.id)).state).toBe('canceled');
    const cnTimeline = (
      await db.activities.find({ selector: { regardingId: rest.creditNote.id } }).exec()
    ).map((a) => a.event);
    expect(cnTimeline).toEqual(['credit_note.issued']);
    const invoiceTimeline = (
      await db.activities.find({ selector: { regardingId: invoice.id } }).exec()
    ).map((a) => a.event);
    expect(invoiceTimeline).toEqual(
      expect.arrayContaining(['invoice.credited', 'invoice.canceled']),
    );
    // A credit note itself is final.
    const edit = await commands.invoice.update({ id: rest.creditNote.id, patch: { name: 'x' } });
    expect(edit.ok ? '' : edit.error.code).toBe('invoice.read_only');
  });

  it('never reuses a credit note number when the saved state was lost', async () => {
    const invoice = await issueInvoice();
    unwrap(
      await commands.invoice.issueCreditNote({
        id: invoice.id,
        lines: [{ lineId: invoice.lines[1]?.id ?? '', quantity: 1 }],
      }),
    );
    // A state saved by an older version, before credit notes: no creditNote counters.
    const state = await readNumbering(db);
    if (state === null) throw new Error('no numbering');
    const { creditNote: _dropped, ...older } = state;
    await saveNumbering(db, older as typeof state);
    expect((await readNumbering(db))?.creditNote).toEqual({});
    const raised = await reconcileWithStore(
      db,
      { ...state, creditNote: {} },
      '2026-12-01T00:00:00Z',
    );
    expect(raised.creditNote).toEqual({ '2026': 1 });
    const second = unwrap(await commands.invoice.issueCreditNote({ id: invoice.id }));
    expect(second.creditNote.number).toBe('NC/2026/AB/00002');
  });
});

describe('customers ready for invoicing', () => {
  it('edits billing and shipping address, tax ids, SDI or PEC and document language', async () => {
    const account = unwrap(await commands.account.create({ name: 'Vini Rossi Srl' }));
    expect(account.documentLanguage).toBe('it');
    const edited = unwrap(
      await commands.account.update({
        id: account.id,
        patch: {
          vatNumber: 'it 00159560366',
          taxCode: '00159560366',
          sdiCode: 'm5uxcr1',
          address: {
            street: 'Via Roma 1',
            city: 'Alba',
            postalCode: '12051',
            province: 'CN',
            country: 'IT',
          },
          shippingAddress: { street: 'Via del Porto 3', city: 'Genova', country: 'IT' },
          documentLanguage: 'en',
        },
      }),
    );
    expect(edited).toMatchObject({
      vatNumber: 'IT00159560366',
      sdiCode: 'M5UXCR1',
      documentLanguage: 'en',
    });
    const back = (await db.accounts.findOne(account.id).exec())?.toMutableJSON();
    expect(back?.shippingAddress.city).toBe('Genova');

    const bad = await commands.account.update({
      id: account.id,
      patch: { vatNumber: 'IT00159560367' },
    });
    expect(bad.ok ? '' : bad.error.field).toBe('vatNumber');
    if (!bad.ok) expect(bad.error.message.it).toContain('cifra di controllo');
    const badCf = await commands.account.update({
      id: account.id,
      patch: { taxCode: 'RSSMRA85T10A562T' },
    });
    expect(badCf.ok ? '' : badCf.error.code).toBe('account.tax_code_invalid');
    expect((await db.accounts.findOne(account.id).exec())?.vatNumber).toBe('IT00159560366');
  });
});
