// A device that worked offline pushes only the latest state of a document, so the server sees
// several commands collapsed into one change. These tests run the commands with the domain and
// check that the collapsed change is accepted, and that what no path reaches is still refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commandSequences, runWalk } from './command-walk';
import type { Write } from './effects';
import { written } from './effects';
import { updateInvoice } from './invoice';
import { markInvoicePaid } from './payment';
import { createLead, disqualifyLead, qualifyLead, reactivateLead, updateLead } from './lead';
import { computeTotals } from './money';
import { initialNumbering } from './numbering';
import type { NumberingState } from './numbering';
import { addOpportunityLine, createOpportunity } from './opportunity';
import { createInvoiceFromOrder, fulfilOrder, lockOrderPrices, unlockOrderPrices } from './order';
import {
  activateQuote,
  closeQuote,
  createQuoteFromOpportunity,
  reviseQuote,
  updateQuoteDraft,
} from './quote';
import { createOrderFromQuote } from './quote-order';
import type { AnyRecord, Invoice, Lead, Opportunity, Order, Quote, RecordType } from './records';
import { errorCode, makeCtx, priceList, product, seller, unwrap } from './test-fixtures';
import { validateChange } from './validate-change';

let tick = 0;
const ctx = () => makeCtx(`2026-03-${String(10 + (tick++ % 18)).padStart(2, '0')}T09:00:00.000Z`);
const check = (type: RecordType, before: AnyRecord | null, after: AnyRecord) =>
  errorCode(validateChange(type, before, after, seller));

const bottler = product('p-1', 'BOT-1');
const list = priceList('pl-1', [{ productId: bottler.id, unitPrice: 100_000 }]);
let numbering: NumberingState = initialNumbering('AB');

/** Runs a command and returns the document of `type` it writes (and keeps the numbering). */
const run = <T extends AnyRecord>(
  type: RecordType,
  result: Parameters<typeof unwrap>[0],
  id?: string,
): T => {
  const effects = unwrap(result) as { writes: Write[]; numbering?: NumberingState };
  if (effects.numbering !== undefined) numbering = effects.numbering;
  return written(effects, type, id) as T;
};

const draftQuote = (): Quote => {
  const opp = run<Opportunity>(
    'opportunity',
    createOpportunity({ topic: 'Linea', accountId: 'a-1' }, ctx()),
  );
  const withLine = run<Opportunity>(
    'opportunity',
    addOpportunityLine(
      opp,
      { kind: 'catalog', id: 'l-1', product: bottler, priceList: list, quantity: 2, discount: 0 },
      ctx(),
    ),
  );
  return run('quote', createQuoteFromOpportunity({ opportunity: withLine, numbering }, {}, ctx()));
};
const activeOrder = (): Order =>
  run(
    'order',
    createOrderFromQuote(
      { quote: run('quote', activateQuote(draftQuote(), ctx())), numbering },
      {},
      ctx(),
    ),
  );
const activeInvoice = (): Invoice =>
  run(
    'invoice',
    createInvoiceFromOrder(
      { order: run('order', fulfilOrder(activeOrder(), {}, ctx())), numbering },
      {},
      ctx(),
    ),
  );

describe('collapsed offline changes that are legal', () => {
  it('accepts an order going from active to invoiced, prices unlocked, changed and locked again', () => {
    const active = activeOrder();
    expect(active.pricesLocked).toBe(true);
    const unlocked = run<Order>('order', unlockOrderPrices(active, ctx()));
    const line = unlocked.lines[0];
    if (line === undefined) throw new Error('no line');
    const repriced = { ...unlocked, lines: [{ ...line, unitPrice: 90_000, amount: 180_000 }] };
    const edited = { ...repriced, totals: computeTotals(repriced) };
    expect(check('order', unlocked, edited)).toBe('ok');
    const relocked = run<Order>('order', lockOrderPrices(edited, ctx()));
    const fulfilled = run<Order>('order', fulfilOrder(relocked, {}, ctx()));
    const invoiced = run<Order>(
      'order',
      createInvoiceFromOrder({ order: fulfilled, numbering }, {}, ctx()),
      fulfilled.id,
    );
    expect(invoiced).toMatchObject({ state: 'invoiced', pricesLocked: true });
    expect(check('order', active, invoiced)).toBe('ok');
    expect(check('order', active, fulfilled)).toBe('ok');
  });

  it('accepts a draft quote with edited lines arriving closed, revised or won', () => {
    const draft = draftQuote();
    const edited = run<Quote>(
      'quote',
      updateQuoteDraft(
        draft,
        { freight: 2_500, lines: [{ op: 'update', id: 'l-1', patch: { quantity: 3 } }] },
        ctx(),
      ),
    );
    expect(edited.lines[0]?.quantity).toBe(3);
    const active = run<Quote>('quote', activateQuote(edited, ctx()));
    const revisedEffects = unwrap(reviseQuote({ quote: active }, ctx()));
    const revised = written(revisedEffects, 'quote', active.id) as Quote;
    expect(revised).toMatchObject({ state: 'closed', status: 'revised' });
    expect(check('quote', draft, revised)).toBe('ok');
    const lost = run<Quote>('quote', closeQuote(edited, { status: 'lost' }, ctx()));
    expect(check('quote', draft, lost)).toBe('ok');
    const won = run<Quote>(
      'quote',
      createOrderFromQuote({ quote: active, numbering }, {}, ctx()),
      active.id,
    );
    expect(won.state).toBe('won');
    expect(check('quote', draft, won)).toBe('ok');
  });

  it('accepts a revision created, activated and won before it was ever pushed', () => {
    const active = run<Quote>('quote', activateQuote(draftQuote(), ctx()));
    const effects = unwrap(reviseQuote({ quote: active }, ctx()));
    const next = effects.writes.find((w) => w.type === 'quote' && w.doc.id !== active.id)
      ?.doc as Quote;
    const activated = run<Quote>('quote', activateQuote(next, ctx()));
    const won = run<Quote>(
      'quote',
      createOrderFromQuote({ quote: activated, numbering }, {}, ctx()),
      next.id,
    );
    expect(won).toMatchObject({ state: 'won', revisionNumber: 1 });
    expect(check('quote', null, won)).toBe('ok');
  });

  it('accepts an invoice paid after its due date was moved, and an order created fulfilled', () => {
    const invoice = activeInvoice();
    const moved = run<Invoice>('invoice', updateInvoice(invoice, { dueDate: '2026-12-31' }, ctx()));
    const paid = run<Invoice>('invoice', markInvoicePaid(moved, { paidDate: '2026-12-01' }, ctx()));
    expect(check('invoice', invoice, paid)).toBe('ok');
    expect(check('invoice', null, paid)).toBe('ok');
    expect(check('order', null, run('order', fulfilOrder(activeOrder(), {}, ctx())))).toBe('ok');
  });

  it('accepts a lead reactivated, edited and disqualified again, and one qualified after that', () => {
    const lead = run<Lead>('lead', createLead({ lastName: 'Rossi', company: 'Acme' }, ctx()));
    const lost = run<Lead>(
      'lead',
      disqualifyLead({ lead, opportunities: [] }, { reason: 'lost' }, ctx()),
    );
    const open = run<Lead>('lead', reactivateLead(lost, ctx()));
    const edited = run<Lead>('lead', updateLead(open, { jobTitle: 'CEO' }, ctx()));
    const canceled = run<Lead>(
      'lead',
      disqualifyLead({ lead: edited, opportunities: [] }, { reason: 'canceled' }, ctx()),
    );
    expect(check('lead', lost, canceled)).toBe('ok');
    const qualified = run<Lead>('lead', qualifyLead({ lead: edited }, {}, ctx()), lead.id);
    expect(check('lead', lost, qualified)).toBe('ok');
    expect(check('lead', null, qualified)).toBe('ok');
  });
});

describe('collapsed changes that no path reaches', () => {
  it('refuses backward moves with their typed error, naming the states', () => {
    // Marked paid before payments were recorded: the state alone says paid.
    const paid: Invoice = {
      ...activeInvoice(),
      state: 'paid',
      status: 'paid',
      paidDate: '2026-03-10',
    };
    const back = { ...paid, state: 'active', status: 'billed', paidDate: null } as Invoice;
    const result = validateChange('invoice', paid, back, seller);
    expect(errorCode(result)).toBe('change.illegal_transition');
    if (!result.ok) {
      expect(result.error.field).toBe('state');
      expect(result.error.message.en).toBe('A invoice cannot go from paid to active.');
      expect(result.error.message.it).toContain('"paid"');
    }
    const invoiced = { ...activeOrder(), state: 'invoiced', status: 'invoiced' } as Order;
    expect(check('order', invoiced, { ...invoiced, state: 'active', status: 'new' } as Order)).toBe(
      'change.illegal_transition',
    );
    const won = { ...draftQuote(), state: 'won', status: 'won' } as Quote;
    expect(check('quote', won, { ...won, state: 'draft', status: 'in_progress' } as Quote)).toBe(
      'change.illegal_transition',
    );
    const lead = run<Lead>('lead', createLead({ lastName: 'Bianchi' }, ctx()));
    const qualified = run<Lead>('lead', qualifyLead({ lead }, {}, ctx()), lead.id);
    expect(check('lead', qualified, { ...qualified, state: 'open', status: 'new' } as Lead)).toBe(
      'change.illegal_transition',
    );
  });

  it('refuses content edits when no state on the way allowed them', () => {
    const active = run<Quote>('quote', activateQuote(draftQuote(), ctx()));
    const won = run<Quote>(
      'quote',
      createOrderFromQuote({ quote: active, numbering }, {}, ctx()),
      active.id,
    );
    expect(check('quote', active, { ...won, paymentTerms: 'changed' })).toBe('quote.not_draft');
    const fulfilled = run<Order>('order', fulfilOrder(activeOrder(), {}, ctx()));
    const invoiced = run<Order>(
      'order',
      createInvoiceFromOrder({ order: fulfilled, numbering }, {}, ctx()),
      fulfilled.id,
    );
    const freighted = { ...invoiced, freight: 100 };
    expect(check('order', fulfilled, { ...freighted, totals: computeTotals(freighted) })).toBe(
      'change.read_only',
    );
    const invoice = activeInvoice();
    const paid = run<Invoice>('invoice', markInvoicePaid(invoice, {}, ctx()));
    expect(check('invoice', invoice, { ...paid, name: 'renamed after paying' })).toBe('ok');
    // Marked paid before payments were recorded, so only the prices are wrong.
    const repriced = { ...paid, payments: [], freight: 100 };
    expect(check('invoice', invoice, { ...repriced, totals: computeTotals(repriced) })).toBe(
      'invoice.read_only',
    );
  });

  it('still requires a consistent document at the end', () => {
    const draft = draftQuote();
    const won = { ...draft, state: 'won', status: 'won' } as Quote;
    expect(check('quote', draft, { ...won, freight: 100 })).toBe('change.totals_mismatch');
    expect(check('quote', null, { ...won, status: 'lost' } as Quote)).toBe(
      'change.status_mismatch',
    );
  });
});

describe('collapsed changes of any command sequence (property)', () => {
  it('accepts every later version of a document after any earlier one, and as a new document', () => {
    let collapsed = 0;
    fc.assert(
      fc.property(commandSequences(), (commands) => {
        const history = new Map<string, { type: RecordType; versions: AnyRecord[] }>();
        runWalk(commands, {
          write: (_name, w) => {
            const entry = history.get(w.doc.id) ?? { type: w.type, versions: [] };
            entry.versions.push(w.doc);
            history.set(w.doc.id, entry);
          },
        });
        for (const { type, versions } of history.values()) {
          versions.forEach((after, j) => {
            const verdict = validateChange(type, null, after, seller);
            if (!verdict.ok)
              throw new Error(`new ${type} ${after.id}: ${verdict.error.message.en}`);
            for (const before of versions.slice(0, j)) {
              const step = validateChange(type, before, after, seller);
              if (!step.ok) throw new Error(`${type}: ${step.error.code} ${step.error.message.en}`);
              collapsed++;
            }
          });
        }
      }),
      { numRuns: 100, seed: 20260502 },
    );
    expect(collapsed).toBeGreaterThan(300);
  });
});
