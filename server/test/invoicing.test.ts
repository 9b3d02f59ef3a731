// Credit notes, payments and customers' tax ids pushed to a real server (SQLite and
// PostgreSQL): legal changes are stored as pushed, illegal ones are rejected with a message
// in English and Italian, and documents of older devices are still accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/context';
import { issueCreditNote } from '../../shared/domain/credit-note';
import { written } from '../../shared/domain/effects';
import { manualLine, pumpLine } from '../../shared/domain/invoice-fixtures';
import { computeTotals } from '../../shared/domain/money';
import { initialNumbering } from '../../shared/domain/numbering';
import type { NumberingState } from '../../shared/domain/numbering';
import { createInvoiceFromOrder } from '../../shared/domain/order';
import { recordPayment } from '../../shared/domain/payment';
import type { Invoice } from '../../shared/domain/records';
import { makeCtx, sampleOrder, unwrap } from '../../shared/domain/test-fixtures';
import type { PushResponse } from '../../shared/sync/protocol';
import type { FairleadServer } from '../src/app';
import { newId } from '../src/ids';
import { accountDoc } from './fixtures';
import type { Client, Office, Place } from './harness';
import { adapters, freshPlace, seedOffice, signIn, startServer } from './harness';

const push = async (client: Client, collection: string, rows: unknown[]): Promise<PushResponse> => {
  const res = await client.post(`/api/sync/${collection}/push`, rows);
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
};

const wire = <T extends object>(doc: T): T & { _deleted: false } => ({ ...doc, _deleted: false });

describe.each(adapters)('invoicing on %s', (adapter) => {
  let place: Place;
  let server: FairleadServer;
  let office: Office;
  let anna: Client;
  let actor: Actor;
  let numbering: NumberingState;

  beforeAll(async () => {
    place = await freshPlace(adapter);
    server = await startServer(place);
    office = await seedOffice(server);
    anna = await signIn(server, office.a.email);
    actor = { userId: office.a.id, role: 'seller', teamId: office.a.teamId };
    numbering = initialNumbering(anna.login.device.series);
  });
  afterAll(async () => {
    await server?.close();
    await place?.drop();
  });

  const ctx = (now = '2026-04-02T09:00:00.000Z') => ({ ...makeCtx(now), actor });

  /** A new invoice of anna's, as her device would create it. */
  const newInvoice = (): Invoice => {
    const lines = [pumpLine, manualLine];
    const order = sampleOrder({
      id: newId(),
      ownerId: office.a.id,
      state: 'fulfilled',
      status: 'fulfilled',
      lines,
      freight: 3_000,
      totals: computeTotals({ lines, headerDiscount: null, freight: 3_000, freightVatRate: 2200 }),
    });
    const effects = unwrap(
      createInvoiceFromOrder({ order, numbering }, {}, ctx('2026-03-10T09:00:00.000Z')),
    );
    if (effects.numbering) numbering = effects.numbering;
    return written(effects, 'invoice') as Invoice;
  };

  const pushInvoice = async (doc: Invoice, before: Invoice | null) =>
    push(anna, 'invoices', [
      { newDocumentState: wire(doc), assumedMasterState: before === null ? null : wire(before) },
    ]);

  it('accepts a partial payment, a partial credit note and the credit note that completes it', async () => {
    const invoice = newInvoice();
    expect(await pushInvoice(invoice, null)).toEqual({ conflicts: [], rejected: [] });
    const partly = written(
      unwrap(recordPayment(invoice, { amount: 10_000, method: 'cash', date: '2026-03-20' }, ctx())),
      'invoice',
    ) as Invoice;
    expect(await pushInvoice(partly, invoice)).toEqual({ conflicts: [], rejected: [] });

    const credit = unwrap(
      issueCreditNote(
        { invoice: partly, numbering },
        { lines: [{ lineId: pumpLine.id, quantity: 1 }] },
        ctx(),
      ),
    );
    if (credit.numbering) numbering = credit.numbering;
    const creditNote = credit.writes[0]?.doc as Invoice;
    const credited = written(credit, 'invoice', invoice.id) as Invoice;
    expect(creditNote.number).toMatch(/^NC\/2026\//);
    expect(await pushInvoice(creditNote, null)).toEqual({ conflicts: [], rejected: [] });
    expect(await pushInvoice(credited, partly)).toEqual({ conflicts: [], rejected: [] });

    const stored = await server.storage.allDocs('invoices');
    expect(stored.find((d) => d.id === creditNote.id)?.doc).toEqual(wire(creditNote));
    expect(stored.find((d) => d.id === invoice.id)?.doc).toEqual(wire(credited));
    // The credit note's number raised its own yearly high-water mark.
    const highWater = await server.storage.highWater(anna.login.device.series);
    expect(highWater.creditNote).toEqual({ '2026': 1 });
    expect(highWater.invoice['2026']).toBeGreaterThanOrEqual(1);
  });

  it('rejects over-credit, overpayment, a changed credit note, a plain cancel and rewritten payments', async () => {
    const invoice = newInvoice();
    await pushInvoice(invoice, null);
    const partly = written(
      unwrap(recordPayment(invoice, { amount: 10_000, date: '2026-03-20' }, ctx())),
      'invoice',
    ) as Invoice;
    await pushInvoice(partly, invoice);
    const credit = unwrap(
      issueCreditNote(
        { invoice: partly, numbering },
        { lines: [{ lineId: manualLine.id, quantity: 1 }] },
        ctx(),
      ),
    );
    if (credit.numbering) numbering = credit.numbering;
    const creditNote = credit.writes[0]?.doc as Invoice;
    await pushInvoice(creditNote, null);

    const applied = (written(credit, 'invoice', invoice.id) as Invoice).credits;
    const overCredited: Invoice = {
      ...partly,
      credits: [{ ...applied[0]!, lines: [{ lineId: manualLine.id, quantity: 2 }] }],
      updatedAt: '2026-04-03T00:00:00.000Z',
    };
    const overPaid: Invoice = {
      ...partly,
      payments: [
        ...partly.payments,
        { id: newId(), date: '2026-03-21', method: 'card', amount: 999_999 },
      ],
      updatedAt: '2026-04-03T00:00:00.000Z',
    };
    const plainCancel: Invoice = { ...partly, state: 'canceled', status: 'canceled' };
    const unpaid: Invoice = { ...partly, payments: [], updatedAt: '2026-04-03T00:00:00.000Z' };
    const changedNote: Invoice = {
      ...creditNote,
      name: 'renamed',
      updatedAt: '2026-04-03T00:00:00.000Z',
    };
    const expectRejected = async (doc: Invoice, before: Invoice, code: string, field: string) => {
      const result = await pushInvoice(doc, before);
      expect(result.rejected, field).toEqual([
        expect.objectContaining({
          id: doc.id,
          code,
          field,
          messages: expect.objectContaining({ it: expect.any(String) }),
        }),
      ]);
      return result.rejected[0];
    };
    const over = await expectRejected(overCredited, partly, 'illegal_change', 'lines.1');
    expect(over?.messages?.it).toContain('stornata per più di quanto fatturato');
    const paid = await expectRejected(overPaid, partly, 'illegal_change', 'payments');
    expect(paid?.messages?.en).toContain('payments are more than');
    await expectRejected(plainCancel, partly, 'illegal_change', 'state');
    await expectRejected(unpaid, partly, 'illegal_change', 'payments');
    const note = await expectRejected(changedNote, creditNote, 'illegal_change', 'name');
    expect(note?.messages?.it).toContain('nota di credito è definitiva');
    // Nothing of it was stored.
    const stored = await server.storage.allDocs('invoices');
    expect(stored.find((d) => d.id === invoice.id)?.doc).toEqual(wire(partly));
    expect(stored.find((d) => d.id === creditNote.id)?.doc).toEqual(wire(creditNote));
  });

  it('checks tax ids of accounts, and accepts accounts and invoices of older devices', async () => {
    const bad = accountDoc(newId(), office.a.id, { vatNumber: 'IT01234567890' });
    const refused = await push(anna, 'accounts', [{ newDocumentState: bad }]);
    expect(refused.rejected).toEqual([
      expect.objectContaining({ code: 'illegal_change', field: 'vatNumber' }),
    ]);
    expect(refused.rejected[0]?.messages?.it).toContain('cifra di controllo');

    // An older device knows neither the shipping address nor the document language.
    const {
      shippingAddress: _s,
      documentLanguage: _l,
      ...legacy
    } = accountDoc(newId(), office.a.id);
    expect(await push(anna, 'accounts', [{ newDocumentState: legacy }])).toEqual({
      conflicts: [],
      rejected: [],
    });
    const stored = (await server.storage.allDocs('accounts')).find((d) => d.id === legacy.id);
    expect(stored?.doc).toEqual(legacy); // stored as pushed
    // A newer device read it with the defaults and edits it: no conflict, accepted.
    const upgraded = { ...legacy, shippingAddress: {}, documentLanguage: 'it' as const };
    const edit = { ...upgraded, sdiCode: 'M5UXCR1', updatedAt: '2026-04-05T00:00:00.000Z' };
    expect(
      await push(anna, 'accounts', [{ newDocumentState: edit, assumedMasterState: upgraded }]),
    ).toEqual({ conflicts: [], rejected: [] });

    const invoice = newInvoice();
    const {
      documentType: _t,
      correctedInvoiceId: _i,
      correctedInvoiceNumber: _n,
      correctedInvoiceDate: _d,
      payments: _p,
      credits: _c,
      ...older
    } = invoice;
    const oldPaid = { ...older, state: 'paid', status: 'paid', paidDate: '2026-03-30' };
    expect(await push(anna, 'invoices', [{ newDocumentState: wire(older) }])).toEqual({
      conflicts: [],
      rejected: [],
    });
    expect(
      await push(anna, 'invoices', [
        { newDocumentState: wire(oldPaid), assumedMasterState: wire(older) },
      ]),
    ).toEqual({ conflicts: [], rejected: [] });
  });
});
