// Every command of every stage against a real RxDB Dexie store, checking what is stored
// and the timeline it leaves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/context';
import type { RegardingType } from '../../../shared/domain/records';
import { priceList, product } from '../../../shared/domain/test-fixtures';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import { readNumbering, setupNumbering } from '../numbering-store';
import { countingIds, openTestDatabase, steppingClock, unwrap } from '../test-support';
import type { FairleadCommands } from './index';
import { createCommands } from './index';

const seller: Actor = { userId: 'user-seller', role: 'seller', teamId: 'team-north' };

let db: FairleadDatabase;
let commands: FairleadCommands;

const timeline = async (type: RegardingType, id: string) =>
  (
    await db.activities
      .find({ selector: { regardingType: type, regardingId: id }, sort: [{ occurredAt: 'asc' }] })
      .exec()
  ).map((a) => a.event ?? a.type);

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

const capture = () =>
  commands.lead.create({
    firstName: 'Nicolò',
    lastName: 'Bianchi',
    company: 'Officine Bianchi Srl',
    email: 'nicolo@officinebianchi.it',
    topic: 'Scaffalature magazzino',
    source: 'trade_fair',
    sourceDetail: 'MECSPE 2026',
    rating: 'hot',
  });

describe('lead commands', () => {
  it('captures, edits, disqualifies and reactivates a lead with its timeline', async () => {
    const lead = unwrap(await capture());
    expect((await db.leads.findOne(lead.id).exec())?.searchTerms).toContain('nicolo');
    unwrap(
      await commands.lead.update({ id: lead.id, patch: { status: 'contacted', jobTitle: 'CEO' } }),
    );
    expect((await db.leads.findOne(lead.id).exec())?.jobTitle).toBe('CEO');
    unwrap(await commands.lead.disqualify({ id: lead.id, reason: 'no_longer_interested' }));
    expect((await db.leads.findOne(lead.id).exec())?.state).toBe('disqualified');
    unwrap(await commands.lead.reactivate({ id: lead.id }));
    const back = await db.leads.findOne(lead.id).exec();
    expect([back?.state, back?.status]).toEqual(['open', 'new']);
    expect(await timeline('lead', lead.id)).toEqual(
      expect.arrayContaining(['lead.disqualified', 'lead.reactivated']),
    );
  });

  it('refuses an illegal transition with a plain error and writes nothing', async () => {
    const lead = unwrap(await capture());
    const result = await commands.lead.reactivate({ id: lead.id });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.it.length).toBeGreaterThan(0);
    const missing = await commands.lead.update({ id: 'nope', patch: {} });
    expect(missing.ok ? '' : missing.error.code).toBe('store.not_found');
  });
});

describe('the whole sale: lead to paid invoice', () => {
  it('runs every stage and numbers the documents from the device series', async () => {
    const lead = unwrap(await capture());
    const q = unwrap(await commands.lead.qualify({ id: lead.id }));
    expect(q.accountId).not.toBeNull();
    expect(q.contactId).not.toBeNull();
    const oppId = q.opportunityId as string;
    expect((await db.accounts.findOne(q.accountId as string).exec())?.name).toBe(
      'Officine Bianchi Srl',
    );
    expect((await db.contacts.findOne(q.contactId as string).exec())?.firstName).toBe('Nicolò');
    expect((await db.leads.findOne(lead.id).exec())?.state).toBe('qualified');
    expect(await timeline('lead', lead.id)).toContain('lead.qualified');

    // Opportunity: price list, lines, stages.
    unwrap(
      await commands.opportunity.update({
        id: oppId,
        patch: { priceListId: 'pl-eur', estimatedCloseDate: '2026-12-20' },
      }),
    );
    const withLine = unwrap(
      await commands.opportunity.addLine({
        id: oppId,
        line: { kind: 'catalog', productId: 'p-1', quantity: 2, discount: 0 },
      }),
    );
    expect(withLine.lines[0]?.amount).toBe(250_000);
    const writeIn = unwrap(
      await commands.opportunity.addLine({
        id: oppId,
        line: {
          kind: 'write_in',
          name: 'Montaggio',
          unitPrice: 40_000,
          quantity: 1,
          discount: 0,
          vatRate: 2200,
        },
      }),
    );
    const installId = writeIn.lines[1]?.id as string;
    unwrap(
      await commands.opportunity.updateLine({
        id: oppId,
        lineId: installId,
        patch: { quantity: 2 },
      }),
    );
    unwrap(await commands.opportunity.removeLine({ id: oppId, lineId: installId }));
    unwrap(await commands.opportunity.setRevenueMode({ id: oppId, revenue: { mode: 'system' } }));
    unwrap(await commands.opportunity.moveStage({ id: oppId, stage: 'develop' }));
    const proposing = unwrap(await commands.opportunity.moveStage({ id: oppId, stage: 'propose' }));
    expect(proposing.estimatedRevenue).toBe(250_000);

    // Quote: create, edit the draft, activate, revise, activate the revision.
    const quote = unwrap(await commands.quote.create({ opportunityId: oppId }));
    expect(quote.number).toBe('Q-AB-00001');
    const edited = unwrap(
      await commands.quote.updateDraft({
        id: quote.id,
        patch: {
          paymentTerms: '30 gg DF',
          lines: [
            { op: 'add', line: { kind: 'catalog', productId: 'p-2', quantity: 10, discount: 0 } },
          ],
        },
      }),
    );
    expect(edited.totals.linesTotal).toBe(252_500);
    unwrap(await commands.quote.activate({ id: quote.id }));
    const revision = unwrap(await commands.quote.revise({ id: quote.id }));
    expect([revision.number, revision.revisionNumber, revision.state]).toEqual([
      'Q-AB-00001',
      1,
      'draft',
    ]);
    expect((await db.quotes.findOne(quote.id).exec())?.status).toBe('revised');
    unwrap(await commands.quote.activate({ id: revision.id }));

    // Order from the active revision; then the opportunity is closed as won.
    const order = unwrap(await commands.quote.createOrder({ id: revision.id }));
    expect(order.number).toBe('ORD-AB-00001');
    expect((await db.quotes.findOne(revision.id).exec())?.state).toBe('won');
    const won = unwrap(await commands.opportunity.closeAsWon({ id: oppId }));
    expect([won.state, won.actualRevenue]).toEqual(['won', proposing.estimatedRevenue]);
    unwrap(await commands.order.unlockPrices({ id: order.id }));
    unwrap(await commands.order.lockPrices({ id: order.id }));
    unwrap(await commands.order.fulfil({ id: order.id, fulfilledDate: '2026-12-01' }));

    // Invoice from the fulfilled order; paid.
    const invoice = unwrap(await commands.order.createInvoice({ id: order.id }));
    expect(invoice.number).toBe('INV/2026/AB/00001');
    expect(invoice.totals).toEqual(order.totals);
    expect((await db.orders.findOne(order.id).exec())?.state).toBe('invoiced');
    unwrap(await commands.invoice.update({ id: invoice.id, patch: { dueDate: '2027-01-31' } }));
    const paid = unwrap(
      await commands.invoice.markPaid({ id: invoice.id, paidDate: '2026-12-15' }),
    );
    expect([paid.state, paid.paidDate]).toEqual(['paid', '2026-12-15']);

    expect(await readNumbering(db)).toMatchObject({ quote: 1, order: 1, invoice: { '2026': 1 } });
    expect(await timeline('opportunity', oppId)).toEqual(
      expect.arrayContaining(['opportunity.won']),
    );
    expect(await timeline('quote', quote.id)).toEqual(
      expect.arrayContaining(['quote.created', 'quote.revised']),
    );
    expect(await timeline('order', order.id)).toEqual(
      expect.arrayContaining(['order.created', 'order.fulfilled']),
    );
    expect(await timeline('invoice', invoice.id)).toEqual(expect.arrayContaining(['invoice.paid']));
  });

  it('closes as lost and reopens; cancels quotes, orders and invoices', async () => {
    const acct = unwrap(
      await commands.account.create({ name: 'Müller GmbH', vatNumber: 'DE123456789' }),
    );
    unwrap(await commands.account.update({ id: acct.id, patch: { industry: 'Maschinenbau' } }));
    const person = unwrap(
      await commands.contact.create({
        accountId: acct.id,
        firstName: 'Jürgen',
        lastName: 'Müller',
      }),
    );
    unwrap(await commands.contact.update({ id: person.id, patch: { jobTitle: 'Einkauf' } }));
    const opp = unwrap(
      await commands.opportunity.create({
        topic: 'Regalsystem',
        accountId: acct.id,
        contactId: person.id,
        priceListId: 'pl-eur',
      }),
    );
    unwrap(
      await commands.opportunity.addLine({
        id: opp.id,
        line: { kind: 'catalog', productId: 'p-1', quantity: 1, discount: 0 },
      }),
    );
    const q1 = unwrap(await commands.quote.create({ opportunityId: opp.id }));
    unwrap(await commands.quote.close({ id: q1.id, status: 'canceled' }));
    const lost = unwrap(
      await commands.opportunity.closeAsLost({
        id: opp.id,
        status: 'out_sold',
        competitor: 'Acme',
      }),
    );
    expect([lost.state, lost.status, lost.competitor]).toEqual(['lost', 'out_sold', 'Acme']);
    const reopened = unwrap(await commands.opportunity.reopen({ id: opp.id }));
    expect(reopened.state).toBe('open');

    const q2 = unwrap(await commands.quote.create({ opportunityId: opp.id }));
    expect(q2.number).toBe('Q-AB-00002');
    unwrap(await commands.quote.activate({ id: q2.id }));
    const order = unwrap(await commands.quote.createOrder({ id: q2.id }));
    unwrap(await commands.order.cancel({ id: order.id }));
    expect((await db.orders.findOne(order.id).exec())?.state).toBe('canceled');

    const q3 = unwrap(await commands.quote.create({ opportunityId: opp.id }));
    unwrap(await commands.quote.activate({ id: q3.id }));
    const order3 = unwrap(await commands.quote.createOrder({ id: q3.id }));
    unwrap(await commands.order.fulfil({ id: order3.id }));
    const invoice = unwrap(await commands.order.createInvoice({ id: order3.id }));
    unwrap(await commands.invoice.issueCreditNote({ id: invoice.id }));
    expect((await db.invoices.findOne(invoice.id).exec())?.state).toBe('canceled');
    expect(await timeline('account', acct.id)).toContain('account.created');
  });
});

describe('activity commands', () => {
  it('writes, completes and cancels activities on a record timeline', async () => {
    const lead = unwrap(await capture());
    const call = unwrap(
      await commands.activity.create({
        type: 'phone_call',
        regardingType: 'lead',
        regardingId: lead.id,
        subject: 'Richiamare',
      }),
    );
    expect(call.ownerId).toBe(lead.ownerId);
    unwrap(await commands.activity.complete({ id: call.id }));
    const task = unwrap(
      await commands.activity.create({
        type: 'task',
        regardingType: 'lead',
        regardingId: lead.id,
        subject: 'Inviare catalogo',
      }),
    );
    unwrap(await commands.activity.cancel({ id: task.id }));
    const states = (
      await db.activities
        .find({ selector: { regardingId: lead.id, type: { $ne: 'system' } } })
        .exec()
    ).map((a) => [a.subject, a.state]);
    expect(states).toEqual(
      expect.arrayContaining([
        ['Richiamare', 'completed'],
        ['Inviare catalogo', 'canceled'],
      ]),
    );
  });
});
