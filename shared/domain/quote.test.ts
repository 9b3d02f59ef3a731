import { describe, expect, it } from 'vitest';
import { written } from './effects';
import { initialNumbering } from './numbering';
import { addOpportunityLine, createOpportunity } from './opportunity';
import { orderIdForQuote } from './quote-order';
import {
  activateQuote,
  closeQuote,
  createOrderFromQuote,
  createQuoteFromOpportunity,
  reviseQuote,
  revisionId,
  updateQuoteDraft,
} from './quote';
import type { Opportunity, Order, Quote } from './records';
import { MemoryStore, errorCode, makeCtx, unwrap } from './test-fixtures';
import { closeOpportunityAsWon } from './opportunity-close';

const ctx = makeCtx();
const numbering = initialNumbering('AB');

const opportunity = (): Opportunity => {
  const o = written(
    unwrap(createOpportunity({ topic: 'Impianto', accountId: 'a-1', contactId: 'c-1' }, ctx)),
    'opportunity',
  ) as Opportunity;
  return written(
    unwrap(
      addOpportunityLine(
        o,
        {
          kind: 'write_in',
          id: 'l-1',
          name: 'Pompa',
          unitPrice: 10_000,
          quantity: 4,
          discount: 0,
          vatRate: 2200,
        },
        ctx,
      ),
    ),
    'opportunity',
  ) as Opportunity;
};

const draft = (o = opportunity()): Quote =>
  written(
    unwrap(createQuoteFromOpportunity({ opportunity: o, numbering }, {}, ctx)),
    'quote',
  ) as Quote;
const active = (): Quote => written(unwrap(activateQuote(draft(), ctx)), 'quote') as Quote;

describe('createQuoteFromOpportunity', () => {
  it('copies customer, currency and lines into a numbered draft and advances the series', () => {
    const o = opportunity();
    const effects = unwrap(
      createQuoteFromOpportunity(
        { opportunity: o, numbering },
        { paymentTerms: 'Bonifico 30 gg' },
        ctx,
      ),
    );
    const q = written(effects, 'quote');
    expect(effects.writes.map((w) => w.type)).toEqual(['activity', 'activity', 'quote']);
    expect(q).toMatchObject({
      number: 'Q-AB-00001',
      revisionNumber: 0,
      name: 'Impianto',
      state: 'draft',
      status: 'in_progress',
      opportunityId: o.id,
      accountId: 'a-1',
      contactId: 'c-1',
      validFrom: '2026-03-10',
      paymentTerms: 'Bonifico 30 gg',
      freightVatRate: 2200,
    });
    expect(q?.lines).toEqual(o.lines);
    expect(q?.totals).toMatchObject({ linesTotal: 40_000, vatTotal: 8_800, grandTotal: 48_800 });
    expect(effects.numbering).toMatchObject({ quote: 1 });
    const events = effects.writes.flatMap((w) =>
      w.type === 'activity' ? [[w.doc.regardingType, w.doc.event]] : [],
    );
    expect(events).toEqual([
      ['quote', 'quote.created'],
      ['opportunity', 'opportunity.quote_created'],
    ]);
  });

  it('reuses the number of the quote an interrupted run already wrote', () => {
    const o = opportunity();
    const first = unwrap(
      createQuoteFromOpportunity({ opportunity: o, numbering }, { id: 'q-fixed' }, ctx),
    );
    const existing = written(first, 'quote') as Quote;
    const retry = unwrap(
      createQuoteFromOpportunity(
        { opportunity: o, numbering: first.numbering ?? numbering, existing },
        { id: 'q-fixed' },
        makeCtx('2026-03-10T09:01:00.000Z'),
      ),
    );
    expect(retry.numbering).toBeUndefined();
    expect(written(retry, 'quote')).toMatchObject({
      id: 'q-fixed',
      number: 'Q-AB-00001',
      createdAt: existing.createdAt,
    });
    expect(retry.writes.map((w) => w.doc.id)).toEqual(first.writes.map((w) => w.doc.id));
  });

  it('refuses a closed opportunity and a validity that ends before it starts', () => {
    const o = opportunity();
    const won = written(
      unwrap(closeOpportunityAsWon({ opportunity: o, quotes: [] }, {}, ctx)),
      'opportunity',
    ) as Opportunity;
    expect(errorCode(createQuoteFromOpportunity({ opportunity: won, numbering }, {}, ctx))).toBe(
      'opportunity.not_open',
    );
    expect(
      errorCode(
        createQuoteFromOpportunity(
          { opportunity: o, numbering },
          { validFrom: '2026-03-10', validTo: '2026-03-01' },
          ctx,
        ),
      ),
    ).toBe('quote.validity_invalid');
  });
});

describe('updateQuoteDraft', () => {
  it('edits lines, discount, freight and terms of a draft; totals follow', () => {
    const q = draft();
    const next = written(
      unwrap(
        updateQuoteDraft(
          q,
          {
            lines: [
              { op: 'update', id: 'l-1', patch: { quantity: 5 } },
              {
                op: 'add',
                line: {
                  kind: 'write_in',
                  id: 'l-2',
                  name: 'Libro',
                  unitPrice: 2_000,
                  quantity: 1,
                  discount: 0,
                  vatRate: 400,
                },
              },
            ],
            headerDiscount: { kind: 'amount', value: 2_000 },
            freight: 1_000,
            deliveryTerms: 'Franco destino',
          },
          ctx,
        ),
      ),
      'quote',
    ) as Quote;
    expect(next.lines.map((l) => l.amount)).toEqual([50_000, 2_000]);
    expect(next.totals).toMatchObject({
      linesTotal: 52_000,
      discountTotal: 2_000,
      freight: 1_000,
      taxableTotal: 51_000,
    });
    expect(next.deliveryTerms).toBe('Franco destino');
    const usd = written(
      unwrap(updateQuoteDraft({ ...q, lines: [] }, { currency: 'USD' }, ctx)),
      'quote',
    );
    expect(usd?.currency).toBe('USD');
  });

  it('refuses edits that break the document rules', () => {
    const q = draft();
    expect(errorCode(updateQuoteDraft(q, { freight: -1 }, ctx))).toBe('quote.freight_invalid');
    expect(errorCode(updateQuoteDraft(q, { freightVatRate: 10001 }, ctx))).toBe(
      'pricing.vat_rate_invalid',
    );
    expect(
      errorCode(updateQuoteDraft(q, { headerDiscount: { kind: 'amount', value: 999_999 } }, ctx)),
    ).toBe('money.header_discount_exceeds_lines');
    expect(errorCode(updateQuoteDraft(q, { validTo: '2026-13-01' }, ctx))).toBe(
      'input.date_invalid',
    );
    expect(errorCode(updateQuoteDraft(q, { currency: 'USD' }, ctx))).toBe(
      'pricing.currency_locked',
    );
    expect(errorCode(updateQuoteDraft(q, { lines: [{ op: 'remove', id: 'nope' }] }, ctx))).toBe(
      'lines.not_found',
    );
  });

  it('refuses to edit anything but a draft', () => {
    expect(errorCode(updateQuoteDraft(active(), { name: 'x' }, ctx))).toBe('quote.not_draft');
  });
});

describe('activate, close, revise', () => {
  it('activates a draft with lines only', () => {
    const effects = unwrap(activateQuote(draft(), ctx));
    expect(written(effects, 'quote')).toMatchObject({ state: 'active', status: 'open' });
    expect(written(effects, 'activity')?.event).toBe('quote.activated');
    expect(errorCode(activateQuote({ ...draft(), lines: [] }, ctx))).toBe('quote.lines_required');
    expect(errorCode(activateQuote(active(), ctx))).toBe('quote.not_draft');
  });

  it('closes a draft or active quote as lost or canceled, never a won one', () => {
    const lost = written(unwrap(closeQuote(active(), { status: 'lost' }, ctx)), 'quote') as Quote;
    expect(lost).toMatchObject({ state: 'closed', status: 'lost' });
    expect(written(unwrap(closeQuote(draft(), { status: 'canceled' }, ctx)), 'quote')?.status).toBe(
      'canceled',
    );
    expect(errorCode(closeQuote(lost, { status: 'canceled' }, ctx))).toBe('quote.not_open');
  });

  it('revises an active quote: same number, revision + 1, old one closed as revised last', () => {
    const q = active();
    const effects = unwrap(reviseQuote({ quote: q }, ctx));
    expect(effects.writes.map((w) => `${w.type}:${w.doc.id}`)).toEqual([
      `quote:${revisionId(q.id)}`,
      expect.stringMatching(/^activity:/),
      expect.stringMatching(/^activity:/),
      `quote:${q.id}`,
    ]);
    const next = effects.writes[0]?.doc as Quote;
    expect(next).toMatchObject({
      number: q.number,
      revisionNumber: 1,
      state: 'draft',
      previousQuoteId: q.id,
    });
    expect(next.lines).toEqual(q.lines);
    expect(written(effects, 'quote', q.id)).toMatchObject({ state: 'closed', status: 'revised' });
  });

  it('revises a quote closed as lost, not a draft, won or canceled one', () => {
    const lost = written(unwrap(closeQuote(active(), { status: 'lost' }, ctx)), 'quote') as Quote;
    expect(written(unwrap(reviseQuote({ quote: lost }, ctx)), 'quote', lost.id)?.status).toBe(
      'revised',
    );
    expect(errorCode(reviseQuote({ quote: draft() }, ctx))).toBe('quote.not_revisable');
    const canceled = written(
      unwrap(closeQuote(active(), { status: 'canceled' }, ctx)),
      'quote',
    ) as Quote;
    expect(errorCode(reviseQuote({ quote: canceled }, ctx))).toBe('quote.not_revisable');
  });

  it('a retried revise writes the existing new draft unchanged and creates nothing twice', () => {
    const q = active();
    const first = unwrap(reviseQuote({ quote: q }, ctx));
    const store = new MemoryStore();
    store.apply(first, 2);
    const existing = store.get('quote', revisionId(q.id));
    const retry = unwrap(reviseQuote({ quote: q, existing }, makeCtx('2026-03-10T10:00:00.000Z')));
    expect(retry.writes[0]?.doc).toEqual(existing);
    expect(retry.writes.map((w) => w.doc.id)).toEqual(first.writes.map((w) => w.doc.id));
  });
});

describe('createOrderFromQuote', () => {
  it('creates the order with the quote lines and totals; the quote becomes won, last', () => {
    const q = active();
    const effects = unwrap(
      createOrderFromQuote({ quote: q, numbering }, { requestedDeliveryDate: '2026-04-01' }, ctx),
    );
    expect(effects.writes.map((w) => w.type)).toEqual(['order', 'activity', 'activity', 'quote']);
    expect(written(effects, 'order')).toMatchObject({
      id: orderIdForQuote(q.id),
      number: 'ORD-AB-00001',
      state: 'active',
      status: 'new',
      pricesLocked: true,
      lines: q.lines,
      totals: q.totals,
      requestedDeliveryDate: '2026-04-01',
    });
    expect(written(effects, 'quote')).toMatchObject({ state: 'won', status: 'won' });
    expect(effects.numbering).toMatchObject({ order: 1 });
  });

  it('reuses an order an interrupted run wrote, with its number', () => {
    const q = active();
    const existing = written(
      unwrap(createOrderFromQuote({ quote: q, numbering }, {}, ctx)),
      'order',
    ) as Order;
    const retry = unwrap(
      createOrderFromQuote({ quote: q, numbering: { ...numbering, order: 1 }, existing }, {}, ctx),
    );
    expect(retry.numbering).toBeUndefined();
    expect(written(retry, 'order')).toEqual(existing);
  });

  it('refuses a quote that is not active', () => {
    expect(errorCode(createOrderFromQuote({ quote: draft(), numbering }, {}, ctx))).toBe(
      'quote.not_active',
    );
    const won = written(
      unwrap(createOrderFromQuote({ quote: active(), numbering }, {}, ctx)),
      'quote',
    ) as Quote;
    expect(errorCode(createOrderFromQuote({ quote: won, numbering }, {}, ctx))).toBe(
      'quote.not_active',
    );
    expect(
      errorCode(
        createOrderFromQuote(
          { quote: active(), numbering },
          { requestedDeliveryDate: 'soon' },
          ctx,
        ),
      ),
    ).toBe('input.date_invalid');
  });
});
