// Random walks of sales commands on one opportunity, for property tests: the commands a
// seller may run in any order (quotes, revisions, orders, locks, invoices, closing), each
// applied to an in-memory store the way a device applies them.
import fc from 'fast-check';
import type { Effects, Write } from './effects';
import { written } from './effects';
import type { DomainError, Result } from './errors';
import { creditNoteIdFor, issueCreditNote } from './credit-note';
import { markInvoicePaid } from './payment';
import { initialNumbering } from './numbering';
import type { NumberingState } from './numbering';
import { addOpportunityLine, createOpportunity, moveOpportunityStage } from './opportunity';
import {
  closeOpportunityAsLost,
  closeOpportunityAsWon,
  reopenOpportunity,
} from './opportunity-close';
import {
  cancelOrder,
  createInvoiceFromOrder,
  fulfilOrder,
  invoiceIdForOrder,
  lockOrderPrices,
  unlockOrderPrices,
} from './order';
import {
  activateQuote,
  closeQuote,
  createQuoteFromOpportunity,
  reviseQuote,
  revisionId,
  updateQuoteDraft,
} from './quote';
import { createOrderFromQuote, orderIdForQuote } from './quote-order';
import type { Opportunity } from './records';
import { MemoryStore, makeCtx, priceList, product, seller, unwrap } from './test-fixtures';

export const commandNames = [
  'createQuote',
  'editDraft',
  'activate',
  'revise',
  'closeQuote',
  'createOrder',
  'lock',
  'unlock',
  'fulfil',
  'cancelOrder',
  'createInvoice',
  'pay',
  'cancelInvoice',
  'win',
  'lose',
  'reopen',
  'stage',
] as const;
export type CommandName = (typeof commandNames)[number];

/** Commands that move a document forward. */
export const progressCommands = [
  'createQuote',
  'activate',
  'createOrder',
  'fulfil',
  'createInvoice',
  'pay',
] as const satisfies readonly CommandName[];

/** A command and which document it applies to: 0 the latest, n the n-th before it. */
export type Command = { name: CommandName; pick: number };

/** Sequences of 10–60 commands; forward ones come up more often, so walks get far. */
export const commandSequences = (): fc.Arbitrary<Command[]> =>
  fc.array(
    fc.record({
      name: fc.oneof(
        { arbitrary: fc.constantFrom(...progressCommands), weight: 3 },
        { arbitrary: fc.constantFrom(...commandNames), weight: 2 },
      ),
      // Mostly the latest document, sometimes an older one.
      pick: fc.oneof(
        { arbitrary: fc.constant(0), weight: 3 },
        { arbitrary: fc.nat(20), weight: 1 },
      ),
    }),
    { minLength: 10, maxLength: 60, size: 'max' },
  );

export type WalkHooks = {
  /** Called before each write is applied, with the stored version it replaces. */
  write?: (name: CommandName | 'setup', w: Write, previous: Write['doc'] | null) => void;
  /** Called for each command the domain refuses. */
  refused?: (name: CommandName, error: DomainError) => void;
};

export type Walk = { store: MemoryStore; numbering: NumberingState; opportunityId: string };

/** Runs the commands on a fresh opportunity with one catalog line; refused ones change nothing. */
export const runWalk = (commands: readonly Command[], hooks: WalkHooks = {}): Walk => {
  const store = new MemoryStore();
  let numbering: NumberingState = initialNumbering('PX');
  const bottler = product('p-b', 'B-1');
  const list = priceList('pl', [{ productId: bottler.id, unitPrice: 12_345 }]);
  const ctx0 = makeCtx('2026-05-01T08:00:00.000Z');
  const base = written(
    unwrap(
      createOpportunity(
        {
          topic: 'Fiera',
          accountId: 'acc',
          priceListId: list.id,
          estimatedCloseDate: '2026-09-30',
        },
        ctx0,
      ),
    ),
    'opportunity',
  ) as Opportunity;
  const first: Write = {
    type: 'opportunity',
    doc: written(
      unwrap(
        addOpportunityLine(
          base,
          { kind: 'catalog', product: bottler, priceList: list, quantity: 3, discount: 0 },
          ctx0,
        ),
      ),
      'opportunity',
    ) as Opportunity,
  };
  hooks.write?.('setup', first, null);
  store.put(first);
  const oppId = base.id;
  let tick = 0;
  for (const { name, pick } of commands) {
    tick++;
    const ctx = makeCtx(
      new Date(Date.parse('2026-05-01T08:00:00.000Z') + tick * 60_000).toISOString(),
      seller,
      tick + 1,
    );
    const quotes = store.all('quote');
    const latest = <T>(docs: T[]): T | undefined =>
      docs[docs.length - 1 - (pick % Math.max(docs.length, 1))];
    const q = latest(quotes);
    const o = latest(store.all('order'));
    const inv = latest(store.all('invoice').filter((i) => i.documentType === 'invoice'));
    const opp = store.get('opportunity', oppId) as Opportunity;
    const result = ((): Result<Effects> | null => {
      switch (name) {
        case 'createQuote':
          return createQuoteFromOpportunity({ opportunity: opp, numbering }, {}, ctx);
        case 'editDraft':
          return q
            ? updateQuoteDraft(
                q,
                { freight: pick * 100, headerDiscount: { kind: 'percent', value: pick * 100 } },
                ctx,
              )
            : null;
        case 'activate':
          return q ? activateQuote(q, ctx) : null;
        case 'revise':
          return q
            ? reviseQuote({ quote: q, existing: store.get('quote', revisionId(q.id)) }, ctx)
            : null;
        case 'closeQuote':
          return q ? closeQuote(q, { status: pick % 2 ? 'lost' : 'canceled' }, ctx) : null;
        case 'createOrder':
          return q
            ? createOrderFromQuote(
                { quote: q, numbering, existing: store.get('order', orderIdForQuote(q.id)) },
                {},
                ctx,
              )
            : null;
        case 'lock':
          return o ? lockOrderPrices(o, ctx) : null;
        case 'unlock':
          return o ? unlockOrderPrices(o, ctx) : null;
        case 'fulfil':
          return o ? fulfilOrder(o, {}, ctx) : null;
        case 'cancelOrder':
          return o ? cancelOrder(o, ctx) : null;
        case 'createInvoice':
          return o
            ? createInvoiceFromOrder(
                { order: o, numbering, existing: store.get('invoice', invoiceIdForOrder(o.id)) },
                {},
                ctx,
              )
            : null;
        case 'pay':
          return inv ? markInvoicePaid(inv, {}, ctx) : null;
        case 'cancelInvoice':
          return inv
            ? issueCreditNote(
                {
                  invoice: inv,
                  numbering,
                  existing: store.get('invoice', creditNoteIdFor(inv.id, inv.credits.length + 1)),
                },
                {},
                ctx,
              )
            : null;
        case 'win':
          return closeOpportunityAsWon({ opportunity: opp, quotes }, {}, ctx);
        case 'lose':
          return closeOpportunityAsLost(
            { opportunity: opp, quotes },
            { status: 'out_sold', competitor: 'Rivale' },
            ctx,
          );
        case 'reopen':
          return reopenOpportunity(opp, ctx);
        case 'stage':
          return moveOpportunityStage(
            opp,
            (['qualify', 'develop', 'propose', 'close'] as const)[pick % 4] ?? 'qualify',
            ctx,
          );
      }
    })();
    if (result === null) continue;
    if (!result.ok) {
      hooks.refused?.(name, result.error);
      continue;
    }
    for (const w of result.value.writes) {
      hooks.write?.(name, w, store.get(w.type, w.doc.id) ?? null);
      store.put(w);
    }
    if (result.value.numbering !== undefined) numbering = result.value.numbering;
  }
  return { store, numbering, opportunityId: oppId };
};
