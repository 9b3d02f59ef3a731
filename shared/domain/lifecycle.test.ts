// The whole sales process on one device, using only shared/domain: a lead captured at a
// fair becomes an invoice paid. Every document and timeline activity is checked, and every
// write is one the sync server accepts (validateChange).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Effects } from './effects';
import { written } from './effects';
import { createLead, qualifyLead } from './lead';
import { qualifiedIds } from './lead-qualify';
import { initialNumbering } from './numbering';
import type { NumberingState } from './numbering';
import { addOpportunityLine, moveOpportunityStage, updateOpportunity } from './opportunity';
import { closeOpportunityAsWon } from './opportunity-close';
import { activateQuote, createQuoteFromOpportunity, reviseQuote, updateQuoteDraft } from './quote';
import { createOrderFromQuote } from './quote-order';
import { createInvoiceFromOrder, fulfilOrder } from './order';
import { markInvoicePaid } from './payment';
import { commandSequences, runWalk } from './command-walk';
import type { Activity, Lead, Opportunity, Quote } from './records';
import { recordSchemas } from './records';
import { MemoryStore, makeCtx, priceList, product, seller, unwrap } from './test-fixtures';
import { validateChange } from './validate-change';

describe('lead to paid invoice', () => {
  it('walks qualify → opportunity with lines → quote → revise → activate → order → fulfil → invoice → paid', () => {
    const store = new MemoryStore();
    let numbering: NumberingState = initialNumbering('FA1');
    let day = 10;
    const nextCtx = () =>
      makeCtx(`2026-03-${String(day++).padStart(2, '0')}T09:00:00.000Z`, seller, day);
    /** Applies effects as a device would, checking each write as the server would. */
    const apply = (effects: Effects): Effects => {
      for (const w of effects.writes) {
        const before = store.get(w.type, w.doc.id) ?? null;
        const verdict = validateChange(w.type, before, w.doc, seller);
        if (!verdict.ok)
          throw new Error(`${w.type} ${verdict.error.code}: ${verdict.error.message.en}`);
        expect(recordSchemas[w.type].parse(w.doc)).toEqual(w.doc);
        store.put(w);
      }
      if (effects.numbering !== undefined) numbering = effects.numbering;
      return effects;
    };
    const timeline = (id: string): (string | null)[] =>
      store
        .all('activity')
        .filter((a) => a.regardingId === id)
        .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0))
        .map((a) => a.event);

    // 1. The seller captures a lead at the fair, offline.
    const lead = written(
      apply(
        unwrap(
          createLead(
            {
              firstName: 'Giulia',
              lastName: 'Ferrari',
              company: 'Cantina Ferrari Srl',
              email: 'giulia@cantinaferrari.it',
              vatNumber: 'IT09876543217',
              source: 'trade_fair',
              sourceDetail: 'Vinitaly 2026',
              rating: 'hot',
              consent: {
                given: true,
                at: '2026-03-10T08:55:00.000Z',
                how: 'badge scan',
                wording: 'Consenso marketing',
              },
            },
            nextCtx(),
          ),
        ),
      ),
      'lead',
    ) as Lead;
    expect(lead).toMatchObject({ state: 'open', status: 'new', topic: 'Giulia Ferrari' });
    expect(timeline(lead.id)).toEqual(['lead.created']);

    // 2. Qualify: account, contact and opportunity from the lead.
    apply(unwrap(qualifyLead({ lead }, {}, nextCtx())));
    const ids = qualifiedIds(lead.id);
    expect(store.get('lead', lead.id)).toMatchObject({
      state: 'qualified',
      qualifiedOpportunityId: ids.opportunity,
    });
    expect(store.get('account', ids.account)).toMatchObject({
      name: 'Cantina Ferrari Srl',
      vatNumber: 'IT09876543217',
    });
    expect(store.get('contact', ids.contact)).toMatchObject({
      accountId: ids.account,
      email: 'giulia@cantinaferrari.it',
    });
    expect(timeline(lead.id)).toEqual(['lead.created', 'lead.qualified']);
    expect(timeline(ids.account)).toEqual(['account.created']);
    expect(timeline(ids.contact)).toEqual(['contact.created']);

    // 3. The opportunity gets a price list, lines and a close date, then moves to Propose.
    const bottler = product('p-bottler', 'BOT-100', 2200);
    const service = product('p-service', 'SRV-1', 2200);
    const list = priceList('pl-eur', [
      { productId: bottler.id, unitPrice: 1_250_000 },
      { productId: service.id, unitPrice: 45_000 },
    ]);
    const opp = () => store.get('opportunity', ids.opportunity) as Opportunity;
    expect(opp()).toMatchObject({ stage: 'develop', state: 'open', currency: 'EUR' });
    apply(
      unwrap(
        updateOpportunity(
          opp(),
          { estimatedCloseDate: '2026-06-30', priceListId: list.id },
          nextCtx(),
        ),
      ),
    );
    apply(
      unwrap(
        addOpportunityLine(
          opp(),
          {
            kind: 'catalog',
            id: 'line-bottler',
            product: bottler,
            priceList: list,
            quantity: 1,
            discount: 50_000,
          },
          nextCtx(),
        ),
      ),
    );
    apply(
      unwrap(
        addOpportunityLine(
          opp(),
          {
            kind: 'write_in',
            id: 'line-install',
            name: 'Installazione in cantina',
            unitPrice: 80_000,
            quantity: 2.5,
            discount: 0,
            vatRate: 2200,
          },
          nextCtx(),
        ),
      ),
    );
    expect(opp().lines.map((l) => [l.id, l.amount])).toEqual([
      ['line-bottler', 1_200_000],
      ['line-install', 200_000],
    ]);
    expect(opp()).toMatchObject({ revenueMode: 'system', estimatedRevenue: 1_400_000 });
    apply(unwrap(moveOpportunityStage(opp(), 'propose', nextCtx())));
    expect(opp().stage).toBe('propose');

    // 4. A quote from the opportunity, activated, then revised with a discount.
    const created = apply(
      unwrap(createQuoteFromOpportunity({ opportunity: opp(), numbering }, {}, nextCtx())),
    );
    const q0 = written(created, 'quote') as Quote;
    expect(created.numbering).toEqual({ ...initialNumbering('FA1'), quote: 1 });
    expect(q0).toMatchObject({
      number: 'Q-FA1-00001',
      revisionNumber: 0,
      state: 'draft',
      status: 'in_progress',
      opportunityId: ids.opportunity,
      accountId: ids.account,
      contactId: ids.contact,
    });
    expect(q0.lines).toEqual(opp().lines);
    expect(q0.totals).toMatchObject({
      linesTotal: 1_400_000,
      vatTotal: 308_000,
      grandTotal: 1_708_000,
    });
    apply(unwrap(activateQuote(q0, nextCtx())));
    expect(store.get('quote', q0.id)).toMatchObject({ state: 'active', status: 'open' });

    const revised = apply(
      unwrap(reviseQuote({ quote: store.get('quote', q0.id) as Quote }, nextCtx())),
    );
    expect(revised.numbering).toBeUndefined();
    const q1 = written(revised, 'quote', revised.writes[0]?.doc.id) as Quote;
    expect(store.get('quote', q0.id)).toMatchObject({ state: 'closed', status: 'revised' });
    expect(q1).toMatchObject({
      number: 'Q-FA1-00001',
      revisionNumber: 1,
      state: 'draft',
      previousQuoteId: q0.id,
    });
    expect(q1.id).not.toBe(q0.id);
    expect(q1.lines.map((l) => l.id)).toEqual(['line-bottler', 'line-install']);

    apply(
      unwrap(
        updateQuoteDraft(
          q1,
          {
            headerDiscount: { kind: 'percent', value: 500 },
            freight: 20_000,
            paymentTerms: '30 gg data fattura',
          },
          nextCtx(),
        ),
      ),
    );
    const q1edited = store.get('quote', q1.id) as Quote;
    // 5% of 14 000,00 = 700,00 off; freight 200,00; VAT 22% on 13 500,00.
    expect(q1edited.totals).toEqual({
      linesTotal: 1_400_000,
      discountTotal: 70_000,
      freight: 20_000,
      taxableTotal: 1_350_000,
      vat: [{ rate: 2200, base: 1_350_000, tax: 297_000 }],
      vatTotal: 297_000,
      grandTotal: 1_647_000,
    });
    apply(unwrap(activateQuote(q1edited, nextCtx())));

    // 5. The customer accepts: order from the active quote; the quote is won.
    const ordered = apply(
      unwrap(
        createOrderFromQuote(
          { quote: store.get('quote', q1.id) as Quote, numbering },
          { requestedDeliveryDate: '2026-05-15' },
          nextCtx(),
        ),
      ),
    );
    const order = written(ordered, 'order');
    expect(ordered.writes.at(-1)).toMatchObject({
      type: 'quote',
      doc: { id: q1.id, state: 'won' },
    });
    expect(order).toMatchObject({
      number: 'ORD-FA1-00001',
      state: 'active',
      status: 'new',
      quoteId: q1.id,
      opportunityId: ids.opportunity,
      pricesLocked: true,
      totals: q1edited.totals,
    });
    expect(opp().state).toBe('open'); // the UI offers to close it; nothing closes by itself

    // 6. Fulfil, invoice, paid.
    if (order === undefined) throw new Error('no order');
    apply(unwrap(fulfilOrder(order, {}, nextCtx())));
    const fulfilled = store.get('order', order.id);
    expect(fulfilled).toMatchObject({ state: 'fulfilled', fulfilledDate: '2026-03-22' });
    const invoicedEffects = apply(
      unwrap(createInvoiceFromOrder({ order: fulfilled ?? order, numbering }, {}, nextCtx())),
    );
    const invoice = written(invoicedEffects, 'invoice');
    expect(invoice).toMatchObject({
      number: 'INV/2026/FA1/00001',
      state: 'active',
      status: 'billed',
      issueDate: '2026-03-23',
      dueDate: '2026-04-22',
      orderId: order.id,
      totals: q1edited.totals,
    });
    expect(store.get('order', order.id)).toMatchObject({ state: 'invoiced', status: 'invoiced' });
    if (invoice === undefined) throw new Error('no invoice');
    apply(unwrap(markInvoicePaid(invoice, { paidDate: '2026-04-18' }, nextCtx())));
    expect(store.get('invoice', invoice.id)).toMatchObject({
      state: 'paid',
      paidDate: '2026-04-18',
    });

    // 7. The opportunity closes as won now that its quotes are closed.
    const quotes = store.all('quote');
    apply(unwrap(closeOpportunityAsWon({ opportunity: opp(), quotes }, {}, nextCtx())));
    expect(opp()).toMatchObject({
      state: 'won',
      status: 'won',
      actualRevenue: 1_400_000,
      actualCloseDate: '2026-03-25',
    });

    // Every timeline tells its story, in order.
    expect(timeline(ids.opportunity)).toEqual([
      'opportunity.created',
      'opportunity.stage_changed',
      'opportunity.quote_created',
      'opportunity.won',
    ]);
    expect(timeline(q0.id)).toEqual(['quote.created', 'quote.activated', 'quote.revised']);
    expect(timeline(q1.id)).toEqual(['quote.created', 'quote.activated', 'quote.won']);
    expect(timeline(order.id)).toEqual(['order.created', 'order.fulfilled', 'order.invoiced']);
    expect(timeline(invoice.id)).toEqual([
      'invoice.created',
      'invoice.payment_recorded',
      'invoice.paid',
    ]);
    const activities: Activity[] = store.all('activity');
    expect(activities).toHaveLength(20);
    for (const a of activities) {
      expect(a).toMatchObject({ type: 'system', state: 'completed', updatedBy: seller.userId });
    }
    expect(numbering).toMatchObject({ quote: 1, order: 1, invoice: { '2026': 1 } });
  });
});

describe('any sequence of commands', () => {
  it('writes only documents the server accepts, and refuses the rest with a typed bilingual error (property)', () => {
    const reached = { paid: 0, refused: 0 };
    fc.assert(
      fc.property(commandSequences(), (commands) => {
        const { store, numbering } = runWalk(commands, {
          write: (name, w, previous) => {
            const verdict = validateChange(w.type, previous, w.doc, seller);
            if (!verdict.ok)
              throw new Error(
                `${name}: ${w.type} ${verdict.error.code} ${verdict.error.message.en}`,
              );
          },
          refused: (_name, error) => {
            expect(error.code).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
            expect(error.message.en).not.toBe('');
            expect(error.message.it).not.toBe('');
            expect(error.message.it).not.toBe(error.message.en);
            reached.refused++;
          },
        });
        // Numbers never repeat across chains; revisions share their quote's number.
        const orderNumbers = store.all('order').map((d) => d.number);
        expect(new Set(orderNumbers).size).toBe(orderNumbers.length);
        const invoiceNumbers = store.all('invoice').map((d) => d.number);
        expect(new Set(invoiceNumbers).size).toBe(invoiceNumbers.length);
        const firstRevisions = store
          .all('quote')
          .filter((d) => d.revisionNumber === 0)
          .map((d) => d.number);
        expect(new Set(firstRevisions).size).toBe(firstRevisions.length);
        expect(numbering.quote).toBe(firstRevisions.length);
        if (store.all('invoice').some((d) => d.state === 'paid')) reached.paid++;
      }),
      { numRuns: 150, seed: 20260501 },
    );
    // The random walks went all the way to paid invoices and also met refusals.
    expect(reached.paid).toBeGreaterThan(0);
    expect(reached.refused).toBeGreaterThan(0);
  });
});
