import { describe, expect, it } from 'vitest';
import { written } from './effects';
import {
  addOpportunityLine,
  closeOpportunityAsLost,
  closeOpportunityAsWon,
  createOpportunity,
  moveOpportunityStage,
  probabilityAfterMove,
  removeOpportunityLine,
  reopenOpportunity,
  setRevenueMode,
  stageProbability,
  updateOpportunity,
  updateOpportunityLine,
} from './opportunity';
import type { Opportunity, Quote } from './records';
import { errorCode, makeCtx, priceList, product, unwrap } from './test-fixtures';

const ctx = makeCtx();
const bottler = product('p-1', 'BOT-1');
const retired = product('p-old', 'OLD-1', 2200, false);
const list = priceList('pl-1', [
  { productId: bottler.id, unitPrice: 100_000 },
  { productId: retired.id, unitPrice: 5 },
]);
const otherList = priceList('pl-2', [{ productId: bottler.id, unitPrice: 90_000 }]);

const opp = (input: Partial<Parameters<typeof createOpportunity>[0]> = {}): Opportunity =>
  written(
    unwrap(createOpportunity({ topic: 'Nuova linea', accountId: 'a-1', ...input }, ctx)),
    'opportunity',
  ) as Opportunity;

const withLine = (o = opp()): Opportunity =>
  written(
    unwrap(
      addOpportunityLine(
        o,
        {
          kind: 'catalog',
          id: 'l-1',
          product: bottler,
          priceList: list,
          quantity: 3,
          discount: 10_000,
        },
        ctx,
      ),
    ),
    'opportunity',
  ) as Opportunity;

const quote = (state: Quote['state'], o: Opportunity): Quote =>
  ({ id: `q-${state}`, number: `Q-AB-0000${state.length}`, opportunityId: o.id, state }) as Quote;

describe('createOpportunity and updateOpportunity', () => {
  it('creates an open opportunity in Qualify with its created activity', () => {
    const effects = unwrap(createOpportunity({ topic: '  Trattori  ' }, ctx));
    const o = written(effects, 'opportunity');
    expect(o).toMatchObject({
      topic: 'Trattori',
      state: 'open',
      status: 'in_progress',
      stage: 'qualify',
      currency: 'EUR',
      revenueMode: 'system',
      estimatedRevenue: 0,
      searchTerms: ['trattori'],
    });
    expect(written(effects, 'activity')?.event).toBe('opportunity.created');
  });

  it('refuses a blank topic, a bad close date or probability', () => {
    expect(errorCode(createOpportunity({ topic: ' ' }, ctx))).toBe('input.required');
    expect(
      errorCode(createOpportunity({ topic: 'x', estimatedCloseDate: '2026-02-30' }, ctx)),
    ).toBe('input.date_invalid');
    expect(errorCode(createOpportunity({ topic: 'x', probability: 101 }, ctx))).toBe(
      'opportunity.probability_invalid',
    );
    expect(errorCode(updateOpportunity(opp(), { probability: -1 }, ctx))).toBe(
      'opportunity.probability_invalid',
    );
    expect(errorCode(updateOpportunity(opp(), { topic: '' }, ctx))).toBe('input.required');
  });

  it('updates fields, puts it on hold and changes currency while it has no lines', () => {
    const o = written(
      unwrap(updateOpportunity(opp(), { status: 'on_hold', currency: 'USD', topic: 'Pompe' }, ctx)),
      'opportunity',
    );
    expect(o).toMatchObject({ status: 'on_hold', currency: 'USD', searchTerms: ['pompe'] });
    expect(errorCode(updateOpportunity(withLine(), { currency: 'USD' }, ctx))).toBe(
      'pricing.currency_locked',
    );
    expect(errorCode(updateOpportunity(withLine(), { priceListId: 'pl-2' }, ctx))).toBe(
      'opportunity.price_list_locked',
    );
  });
});

describe('opportunity lines and revenue', () => {
  it('adds catalog and write-in lines and keeps the system revenue in step', () => {
    const o = withLine();
    expect(o.priceListId).toBe(list.id);
    expect(o.lines[0]).toMatchObject({
      productId: bottler.id,
      unitPrice: 100_000,
      amount: 290_000,
    });
    expect(o.estimatedRevenue).toBe(290_000);
    const more = written(
      unwrap(
        addOpportunityLine(
          o,
          {
            kind: 'write_in',
            name: 'Formazione',
            unitPrice: 50_000,
            quantity: 1,
            discount: 0,
            vatRate: 2200,
          },
          ctx,
        ),
      ),
      'opportunity',
    ) as Opportunity;
    expect(more.estimatedRevenue).toBe(340_000);
    const changed = written(
      unwrap(updateOpportunityLine(more, 'l-1', { quantity: 1, discount: 0 }, ctx)),
      'opportunity',
    ) as Opportunity;
    expect(changed.lines[0]).toMatchObject({ quantity: 1, amount: 100_000, productId: bottler.id });
    expect(changed.estimatedRevenue).toBe(150_000);
    const removed = written(unwrap(removeOpportunityLine(changed, 'l-1', ctx)), 'opportunity');
    expect(removed?.lines).toHaveLength(1);
    expect(removed?.estimatedRevenue).toBe(50_000);
  });

  it('refuses lines that break the pricing rules', () => {
    const o = withLine();
    expect(
      errorCode(
        addOpportunityLine(
          o,
          { kind: 'catalog', product: bottler, priceList: otherList, quantity: 1, discount: 0 },
          ctx,
        ),
      ),
    ).toBe('lines.price_list_mismatch');
    expect(
      errorCode(
        addOpportunityLine(
          o,
          { kind: 'catalog', product: retired, priceList: list, quantity: 1, discount: 0 },
          ctx,
        ),
      ),
    ).toBe('pricing.product_retired');
    expect(
      errorCode(
        addOpportunityLine(
          o,
          {
            kind: 'write_in',
            id: 'l-1',
            name: 'x',
            unitPrice: 1,
            quantity: 1,
            discount: 0,
            vatRate: 0,
          },
          ctx,
        ),
      ),
    ).toBe('lines.duplicate_id');
    expect(
      errorCode(
        addOpportunityLine(
          o,
          { kind: 'write_in', name: ' ', unitPrice: 1, quantity: 1, discount: 0, vatRate: 0 },
          ctx,
        ),
      ),
    ).toBe('pricing.name_required');
    expect(errorCode(updateOpportunityLine(o, 'l-1', { unitPrice: 1 }, ctx))).toBe(
      'lines.catalog_fields_fixed',
    );
    expect(errorCode(updateOpportunityLine(o, 'l-1', { quantity: 0 }, ctx))).toBe(
      'pricing.quantity_not_positive',
    );
    expect(errorCode(updateOpportunityLine(o, 'nope', { quantity: 1 }, ctx))).toBe(
      'lines.not_found',
    );
    expect(errorCode(removeOpportunityLine(o, 'nope', ctx))).toBe('lines.not_found');
  });

  it('switches between system and user revenue', () => {
    const o = withLine();
    const user = written(
      unwrap(setRevenueMode(o, { mode: 'user', estimatedRevenue: 1_000_000 }, ctx)),
      'opportunity',
    ) as Opportunity;
    expect(user).toMatchObject({ revenueMode: 'user', estimatedRevenue: 1_000_000 });
    const added = written(
      unwrap(
        addOpportunityLine(
          user,
          { kind: 'write_in', name: 'x', unitPrice: 1, quantity: 1, discount: 0, vatRate: 0 },
          ctx,
        ),
      ),
      'opportunity',
    );
    expect(added?.estimatedRevenue).toBe(1_000_000);
    const system = written(unwrap(setRevenueMode(user, { mode: 'system' }, ctx)), 'opportunity');
    expect(system).toMatchObject({ revenueMode: 'system', estimatedRevenue: 290_000 });
    expect(errorCode(setRevenueMode(o, { mode: 'user', estimatedRevenue: -5 }, ctx))).toBe(
      'opportunity.revenue_invalid',
    );
  });
});

describe('stages', () => {
  it('enforces each gate on the way forward and none going back', () => {
    const bare = opp({ accountId: null });
    expect(errorCode(moveOpportunityStage(bare, 'develop', ctx))).toBe(
      'opportunity.gate.customer_required',
    );
    const o = opp();
    expect(errorCode(moveOpportunityStage(o, 'propose', ctx))).toBe(
      'opportunity.gate.lines_required',
    );
    expect(errorCode(moveOpportunityStage(withLine(o), 'propose', ctx))).toBe(
      'opportunity.gate.close_date_required',
    );
    const ready = withLine(opp({ estimatedCloseDate: '2026-06-30' }));
    const proposed = written(
      unwrap(moveOpportunityStage(ready, 'propose', ctx)),
      'opportunity',
    ) as Opportunity;
    expect(proposed.stage).toBe('propose');
    const zero = written(
      unwrap(setRevenueMode(proposed, { mode: 'user', estimatedRevenue: 0 }, ctx)),
      'opportunity',
    ) as Opportunity;
    expect(errorCode(moveOpportunityStage(zero, 'close', ctx))).toBe(
      'opportunity.gate.revenue_required',
    );
    const effects = unwrap(moveOpportunityStage(proposed, 'close', ctx));
    expect(written(effects, 'activity')).toMatchObject({
      event: 'opportunity.stage_changed',
      data: { from: 'propose', to: 'close', forward: true },
    });
    const back = unwrap(moveOpportunityStage(zero, 'qualify', ctx));
    expect(written(back, 'opportunity')?.stage).toBe('qualify');
    expect(unwrap(moveOpportunityStage(zero, 'propose', ctx)).writes).toEqual([]);
  });

  it('gives each stage move its own activity id, stable on retry', () => {
    const o = opp();
    const a1 = written(unwrap(moveOpportunityStage(o, 'develop', ctx)), 'activity');
    const a2 = written(
      unwrap(moveOpportunityStage(o, 'develop', makeCtx('2026-03-10T10:00:00.000Z'))),
      'activity',
    );
    expect(a1?.id).toBe(a2?.id);
    const moved = written(
      unwrap(moveOpportunityStage(o, 'develop', makeCtx('2026-03-11T00:00:00.000Z'))),
      'opportunity',
    ) as Opportunity;
    const back = written(
      unwrap(moveOpportunityStage(moved, 'qualify', makeCtx('2026-03-12T00:00:00.000Z'))),
      'opportunity',
    ) as Opportunity;
    const again = written(unwrap(moveOpportunityStage(back, 'develop', ctx)), 'activity');
    expect(again?.id).not.toBe(a1?.id);
  });
});

describe('probability per stage', () => {
  const move = (o: Opportunity, stage: Opportunity['stage']): Opportunity =>
    written(unwrap(moveOpportunityStage(o, stage, ctx)), 'opportunity') as Opportunity;

  it('uses the Dynamics-like defaults: Qualify 10, Develop 30, Propose 60, Close 80', () => {
    expect(stageProbability).toEqual({ qualify: 10, develop: 30, propose: 60, close: 80 });
    expect(opp().probability).toBe(10);
    expect(opp({ stage: 'develop' }).probability).toBe(30);
  });

  it('follows the stage while the probability is the default of the stage left', () => {
    const ready = withLine(opp({ estimatedCloseDate: '2026-06-30' }));
    const developed = move(ready, 'develop');
    expect(developed.probability).toBe(30);
    const proposed = move(developed, 'propose');
    expect(proposed.probability).toBe(60);
    expect(move(proposed, 'close').probability).toBe(80);
    // Going back lowers it again; skipping stages lands on the target's default.
    expect(move(proposed, 'develop').probability).toBe(30);
    expect(move(ready, 'close').probability).toBe(80);
  });

  it('keeps a probability the seller typed, whichever way the stage moves', () => {
    const typed = written(
      unwrap(
        updateOpportunity(
          withLine(opp({ estimatedCloseDate: '2026-06-30' })),
          { probability: 45 },
          ctx,
        ),
      ),
      'opportunity',
    ) as Opportunity;
    expect(move(typed, 'propose').probability).toBe(45);
    expect(move(move(typed, 'close'), 'qualify').probability).toBe(45);
    expect(probabilityAfterMove(0, 'develop', 'propose')).toBe(0);
    expect(probabilityAfterMove(30, 'develop', 'propose')).toBe(60);
  });
});

describe('close and reopen', () => {
  it('closes as won with actual revenue and date, once every quote is closed', () => {
    const o = withLine();
    expect(
      errorCode(closeOpportunityAsWon({ opportunity: o, quotes: [quote('active', o)] }, {}, ctx)),
    ).toBe('opportunity.quotes_open');
    expect(
      errorCode(closeOpportunityAsWon({ opportunity: o, quotes: [quote('draft', o)] }, {}, ctx)),
    ).toBe('opportunity.quotes_open');
    const quotes = [
      quote('won', o),
      quote('closed', o),
      { ...quote('draft', o), opportunityId: 'other' },
    ];
    const effects = unwrap(
      closeOpportunityAsWon({ opportunity: o, quotes }, { closeDescription: 'Firmato' }, ctx),
    );
    expect(written(effects, 'opportunity')).toMatchObject({
      state: 'won',
      status: 'won',
      stage: 'close',
      probability: 100,
      actualRevenue: 290_000,
      actualCloseDate: '2026-03-10',
      closeDescription: 'Firmato',
    });
    expect(written(effects, 'activity')?.event).toBe('opportunity.won');
    expect(
      errorCode(closeOpportunityAsWon({ opportunity: o, quotes: [] }, { actualRevenue: -1 }, ctx)),
    ).toBe('opportunity.revenue_invalid');
  });

  it('closes as lost (canceled or out-sold to a competitor)', () => {
    const o = withLine();
    const lost = written(
      unwrap(
        closeOpportunityAsLost(
          { opportunity: o, quotes: [] },
          { status: 'out_sold', competitor: ' Rivale SpA ' },
          ctx,
        ),
      ),
      'opportunity',
    ) as Opportunity;
    expect(lost).toMatchObject({
      state: 'lost',
      status: 'out_sold',
      competitor: 'Rivale SpA',
      probability: 0,
    });
    expect(
      errorCode(
        closeOpportunityAsLost(
          { opportunity: o, quotes: [quote('active', o)] },
          { status: 'canceled' },
          ctx,
        ),
      ),
    ).toBe('opportunity.quotes_open');
    expect(
      errorCode(
        closeOpportunityAsLost({ opportunity: lost, quotes: [] }, { status: 'canceled' }, ctx),
      ),
    ).toBe('opportunity.not_open');
    expect(errorCode(closeOpportunityAsWon({ opportunity: lost, quotes: [] }, {}, ctx))).toBe(
      'opportunity.not_open',
    );
    // A closed opportunity is read-only until reopened.
    expect(errorCode(updateOpportunity(lost, { topic: 'x' }, ctx))).toBe('opportunity.not_open');
    expect(
      errorCode(
        addOpportunityLine(
          lost,
          { kind: 'write_in', name: 'x', unitPrice: 1, quantity: 1, discount: 0, vatRate: 0 },
          ctx,
        ),
      ),
    ).toBe('opportunity.not_open');
    expect(errorCode(moveOpportunityStage(lost, 'qualify', ctx))).toBe('opportunity.not_open');
    expect(errorCode(setRevenueMode(lost, { mode: 'system' }, ctx))).toBe('opportunity.not_open');

    const reopened = unwrap(reopenOpportunity(lost, ctx));
    expect(written(reopened, 'opportunity')).toMatchObject({
      state: 'open',
      status: 'in_progress',
      actualRevenue: null,
      actualCloseDate: null,
    });
    expect(written(reopened, 'activity')?.event).toBe('opportunity.reopened');
    expect(errorCode(reopenOpportunity(o, ctx))).toBe('opportunity.not_closed');
  });
});
