// A whole sale built with the real rules, holding each record type in each state the
// deletion table names: for the deletion tests of the domain, the device and the server.
import type { Actor } from './context';
import type { Effects } from './effects';
import { createActivity } from './activity';
import { createLead, disqualifyLead } from './lead';
import { initialNumbering } from './numbering';
import type { NumberingState } from './numbering';
import { addOpportunityLine, createOpportunity } from './opportunity';
import { createInvoiceFromOrder, fulfilOrder } from './order';
import { markInvoicePaid } from './payment';
import { activateQuote, closeQuote, createQuoteFromOpportunity } from './quote';
import { createOrderFromQuote } from './quote-order';
import type {
  Activity,
  AnyRecord,
  Invoice,
  Lead,
  Opportunity,
  Order,
  Quote,
  RecordType,
} from './records';
import { makeCtx, priceList, product, unwrap } from './test-fixtures';

export type SalesChain = {
  openLead: Lead;
  disqualifiedLead: Lead;
  opportunity: Opportunity;
  draftQuote: Quote;
  activeQuote: Quote;
  wonQuote: Quote;
  closedQuote: Quote;
  order: Order;
  invoice: Invoice;
  paidInvoice: Invoice;
  note: Activity;
  systemEvent: Activity;
  /** The latest version of every record written, by type, in the order first written. */
  records: Map<RecordType, Map<string, AnyRecord>>;
};

export const salesChain = (
  actor: Actor,
  series = 'AB',
  now = '2026-03-10T09:00:00.000Z',
): SalesChain => {
  const ctx = makeCtx(now, actor, 7);
  const records = new Map<RecordType, Map<string, AnyRecord>>();
  let numbering: NumberingState = initialNumbering(series);
  // Applies a rule's writes and returns the last document of the asked type.
  const apply = <T extends AnyRecord>(effects: Effects, type: RecordType): T => {
    let last: AnyRecord | undefined;
    for (const w of effects.writes) {
      const byId = records.get(w.type) ?? new Map<string, AnyRecord>();
      byId.set(w.doc.id, w.doc);
      records.set(w.type, byId);
      if (w.type === type) last = w.doc;
    }
    if (effects.numbering !== undefined) numbering = effects.numbering;
    if (last === undefined) throw new Error(`the rule wrote no ${type}`);
    return last as T;
  };
  const run = <T extends AnyRecord>(
    result: Parameters<typeof unwrap<Effects>>[0],
    type: RecordType,
  ) => apply<T>(unwrap(result), type);

  const openLead = run<Lead>(createLead({ lastName: 'Rossi', company: 'Acme' }, ctx), 'lead');
  const lost = run<Lead>(createLead({ lastName: 'Neri', company: 'Beta' }, ctx), 'lead');
  const disqualifiedLead = run<Lead>(
    disqualifyLead({ lead: lost, opportunities: [] }, { reason: 'lost' }, ctx),
    'lead',
  );
  const pump = product('p-1', 'PUMP-1');
  const list = priceList('pl-1', [{ productId: pump.id, unitPrice: 100_000 }]);
  const bare = run<Opportunity>(
    createOpportunity({ topic: 'Linea imbottigliamento', accountId: null }, ctx),
    'opportunity',
  );
  const opportunity = run<Opportunity>(
    addOpportunityLine(
      bare,
      { kind: 'catalog', id: 'l-1', product: pump, priceList: list, quantity: 2, discount: 0 },
      ctx,
    ),
    'opportunity',
  );
  const newQuote = () =>
    run<Quote>(createQuoteFromOpportunity({ opportunity, numbering }, {}, ctx), 'quote');
  const activated = () => run<Quote>(activateQuote(newQuote(), ctx), 'quote');
  const sold = () => {
    const quote = activated();
    const order = run<Order>(createOrderFromQuote({ quote, numbering }, {}, ctx), 'order');
    const fulfilled = run<Order>(fulfilOrder(order, {}, ctx), 'order');
    const invoice = run<Invoice>(
      createInvoiceFromOrder({ order: fulfilled, numbering }, {}, ctx),
      'invoice',
    );
    return { order: records.get('order')?.get(order.id) as Order, invoice, quoteId: quote.id };
  };

  const draftQuote = newQuote();
  const activeQuote = activated();
  const closedQuote = run<Quote>(closeQuote(activated(), { status: 'lost' }, ctx), 'quote');
  const first = sold();
  const second = sold();
  const paidInvoice = run<Invoice>(markInvoicePaid(second.invoice, {}, ctx), 'invoice');
  const note = run<Activity>(
    createActivity(
      {
        type: 'note',
        regarding: { type: 'lead', id: openLead.id, ownerId: openLead.ownerId },
        subject: 'Call back on Monday',
      },
      ctx,
    ),
    'activity',
  );
  const activities = [...(records.get('activity')?.values() ?? [])] as Activity[];
  const systemEvent = activities.find((a) => a.type === 'system');
  if (systemEvent === undefined) throw new Error('the rules wrote no system event');
  return {
    openLead,
    disqualifiedLead,
    opportunity: records.get('opportunity')?.get(opportunity.id) as Opportunity,
    draftQuote,
    activeQuote,
    wonQuote: records.get('quote')?.get(first.quoteId) as Quote,
    closedQuote,
    order: first.order,
    invoice: records.get('invoice')?.get(first.invoice.id) as Invoice,
    paidInvoice,
    note,
    systemEvent,
    records,
  };
};
