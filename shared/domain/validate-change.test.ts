import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Actor } from './context';
import { written } from './effects';
import { createActivity, systemActivity } from './activity';
import { createAccount } from './account';
import { createLead, qualifyLead } from './lead';
import { computeTotals } from './money';
import { closeOpportunityAsWon } from './opportunity-close';
import { initialNumbering } from './numbering';
import { addOpportunityLine, createOpportunity } from './opportunity';
import { activateQuote, createQuoteFromOpportunity } from './quote';
import { createOrderFromQuote } from './quote-order';
import { createInvoiceFromOrder, fulfilOrder, unlockOrderPrices } from './order';
import { issueCreditNote } from './credit-note';
import { markInvoicePaid } from './payment';
import type { AnyRecord, Invoice, Lead, Opportunity, Order, Quote, RecordType } from './records';
import { admin, errorCode, makeCtx, priceList, product, seller, unwrap } from './test-fixtures';
import { deepEqual } from '../deep-equal';
import { changedFields, validateChange } from './validate-change';

const ctx = makeCtx();
const recompute = (doc: Pick<Order, 'lines' | 'headerDiscount' | 'freight' | 'freightVatRate'>) =>
  computeTotals(doc);
const later = { ...ctx, now: '2026-03-11T09:00:00.000Z' };
const manager: Actor = { userId: 'user-manager', role: 'manager', teamId: 'team-north' };

const edit = <T extends AnyRecord>(doc: T, patch: Partial<T>): T => ({
  ...doc,
  ...patch,
  updatedAt: later.now,
  updatedBy: seller.userId,
});

const check = (type: RecordType, before: AnyRecord | null, after: unknown, actor = seller) =>
  errorCode(validateChange(type, before, after, actor));

const bottler = product('p-1', 'BOT-1');
const list = priceList('pl-1', [{ productId: bottler.id, unitPrice: 100_000 }]);

const opportunityWithLine = (): Opportunity => {
  const opp = written(
    unwrap(createOpportunity({ topic: 'Linea imbottigliamento', accountId: 'a-1' }, ctx)),
    'opportunity',
  ) as Opportunity;
  return written(
    unwrap(
      addOpportunityLine(
        opp,
        { kind: 'catalog', id: 'l-1', product: bottler, priceList: list, quantity: 2, discount: 0 },
        ctx,
      ),
    ),
    'opportunity',
  ) as Opportunity;
};

const draftQuote = (): Quote =>
  written(
    unwrap(
      createQuoteFromOpportunity(
        { opportunity: opportunityWithLine(), numbering: initialNumbering('AB') },
        {},
        ctx,
      ),
    ),
    'quote',
  ) as Quote;

const activeQuote = (): Quote =>
  written(unwrap(activateQuote(draftQuote(), ctx)), 'quote') as Quote;

const activeOrder = (): Order =>
  written(
    unwrap(
      createOrderFromQuote({ quote: activeQuote(), numbering: initialNumbering('AB') }, {}, ctx),
    ),
    'order',
  ) as Order;

const fulfilledOrder = (): Order =>
  written(unwrap(fulfilOrder(activeOrder(), {}, ctx)), 'order') as Order;

const activeInvoice = (): Invoice =>
  written(
    unwrap(
      createInvoiceFromOrder(
        { order: fulfilledOrder(), numbering: initialNumbering('AB') },
        {},
        ctx,
      ),
    ),
    'invoice',
  ) as Invoice;

const canceledInvoice = (): Invoice => {
  const invoice = activeInvoice();
  const effects = unwrap(issueCreditNote({ invoice, numbering: initialNumbering('AB') }, {}, ctx));
  return written(effects, 'invoice', invoice.id) as Invoice;
};

const creditNote = (): Invoice => {
  const effects = unwrap(
    issueCreditNote({ invoice: activeInvoice(), numbering: initialNumbering('AB') }, {}, ctx),
  );
  return effects.writes[0]?.doc as Invoice;
};

const openLead = (): Lead =>
  written(unwrap(createLead({ lastName: 'Rossi', company: 'Acme' }, ctx)), 'lead') as Lead;

describe('validateChange: schema and signature', () => {
  it('returns the parsed record for a legal change, ignoring RxDB metadata', () => {
    const lead = openLead();
    const next = { ...edit(lead, { jobTitle: 'CEO' }), _deleted: false, _rev: '2-x', _meta: {} };
    const result = validateChange('lead', lead, next, seller);
    expect(result.ok && result.value).toEqual(edit(lead, { jobTitle: 'CEO' }));
  });

  it('rejects a document that does not match its schema, naming the field', () => {
    const lead = openLead();
    const result = validateChange('lead', lead, { ...lead, email: 42 }, seller);
    expect(errorCode(result)).toBe('change.invalid_document');
    if (!result.ok) {
      expect(result.error.field).toBe('email');
      expect(result.error.message.it).toContain('non è valido');
    }
    expect(check('lead', null, { ...lead, unknownField: 1 })).toBe('change.unknown_field');
    expect(check('lead', null, 'not a document')).toBe('change.invalid_document');
  });

  it('accepts the same document pushed again, whoever pushes it', () => {
    const lead = openLead();
    expect(check('lead', lead, lead, manager)).toBe('ok');
  });

  it('rejects a change signed by another user', () => {
    const lead = openLead();
    expect(check('lead', lead, { ...lead, jobTitle: 'x', updatedBy: 'someone-else' })).toBe(
      'change.updated_by_mismatch',
    );
    expect(check('lead', null, { ...lead, updatedBy: 'someone-else' })).toBe(
      'change.updated_by_mismatch',
    );
    // A merged document may keep the stored signature of the master.
    expect(check('lead', lead, { ...lead, jobTitle: 'x' }, manager)).toBe('ok');
  });

  it('lets only the administrator write catalog records', () => {
    expect(check('product', null, bottler, seller)).toBe('change.catalog_forbidden');
    expect(check('pricelist', null, list, manager)).toBe('change.catalog_forbidden');
    expect(check('product', null, { ...bottler, updatedBy: admin.userId }, admin)).toBe('ok');
    expect(
      check(
        'refdata',
        null,
        { ...bottler, kind: 'vat_rate', key: '2200', data: {}, sku: undefined },
        seller,
      ),
    ).toBe('change.unknown_field');
  });
});

describe('validateChange: immutable fields', () => {
  it.each([
    ['lead', () => openLead(), { createdAt: '2020-01-01T00:00:00.000Z' }, 'createdAt'],
    ['quote', () => draftQuote(), { number: 'Q-AB-00009' }, 'number'],
    ['quote', () => draftQuote(), { revisionNumber: 3 }, 'revisionNumber'],
    ['quote', () => draftQuote(), { opportunityId: 'other' }, 'opportunityId'],
    ['order', () => activeOrder(), { quoteId: 'other' }, 'quoteId'],
    ['invoice', () => activeInvoice(), { orderId: 'other' }, 'orderId'],
  ] as const)('%s.%s cannot change', (type, make, patch, field) => {
    const doc = make();
    const result = validateChange(type, doc, edit(doc, patch as Partial<AnyRecord>), seller);
    expect(errorCode(result)).toBe('change.immutable_field');
    if (!result.ok) expect(result.error.field).toBe(field);
  });

  it('an opportunity number is set at most once', () => {
    const opp = opportunityWithLine();
    const numbered = edit(opp, { number: 'OPP-1' });
    expect(check('opportunity', opp, numbered)).toBe('ok');
    expect(check('opportunity', numbered, edit(numbered, { number: 'OPP-2' }))).toBe(
      'change.immutable_field',
    );
  });

  it('an id change is a change of a different document', () => {
    const lead = openLead();
    expect(check('lead', lead, edit(lead, { id: 'another' }))).toBe('change.immutable_field');
  });
});

describe('validateChange: states and transitions', () => {
  it('rejects a status that does not belong to the state', () => {
    const lead = openLead();
    expect(check('lead', null, { ...lead, status: 'qualified' })).toBe('change.status_mismatch');
    expect(check('quote', null, { ...draftQuote(), status: 'open' })).toBe(
      'change.status_mismatch',
    );
  });

  it.each([
    [
      'lead',
      () => ({ ...openLead(), state: 'qualified', status: 'qualified' }) as Lead,
      { state: 'open', status: 'new' },
    ],
    ['quote', () => activeQuote(), { state: 'draft', status: 'in_progress' }],
    [
      'quote',
      () => ({ ...activeQuote(), state: 'won', status: 'won' }) as Quote,
      { state: 'active', status: 'open' },
    ],
    ['order', () => fulfilledOrder(), { state: 'active', status: 'new' }],
    [
      'order',
      () => ({ ...fulfilledOrder(), state: 'invoiced', status: 'invoiced' }) as Order,
      { state: 'active', status: 'new' },
    ],
    [
      'invoice',
      () =>
        ({ ...activeInvoice(), state: 'paid', status: 'paid', paidDate: '2026-03-20' }) as Invoice,
      { state: 'active', status: 'billed', paidDate: null },
    ],
  ] as const)('a %s cannot move backwards, on any path', (type, make, patch) => {
    const doc = make();
    expect(check(type, doc, edit(doc, patch as Partial<AnyRecord>))).toBe(
      'change.illegal_transition',
    );
  });

  it('rejects a paid invoice moving to canceled and any edit of it', () => {
    const paid = written(unwrap(markInvoicePaid(activeInvoice(), {}, ctx)), 'invoice') as Invoice;
    expect(check('invoice', paid, edit(paid, { state: 'canceled', status: 'canceled' }))).toBe(
      'change.illegal_transition',
    );
    expect(check('invoice', paid, edit(paid, { name: 'renamed' }))).toBe('invoice.read_only');
    const canceled = canceledInvoice();
    expect(check('invoice', canceled, edit(canceled, { dueDate: '2027-01-01' }))).toBe(
      'invoice.read_only',
    );
  });

  it('rejects status moves within a state that are not legal', () => {
    // Reactivated and disqualified again for another reason: reachable.
    const lead = { ...openLead(), state: 'disqualified', status: 'lost' } as Lead;
    expect(check('lead', lead, edit(lead, { status: 'canceled' }))).toBe('ok');
    const closed = { ...activeQuote(), state: 'closed', status: 'canceled' } as Quote;
    expect(check('quote', closed, edit(closed, { status: 'revised' }))).toBe(
      'change.illegal_transition',
    );
    const lost = { ...closed, status: 'lost' } as Quote;
    expect(check('quote', lost, edit(lost, { status: 'revised' }))).toBe('ok');
    expect(check('quote', lost, edit(lost, { status: 'canceled' }))).toBe(
      'change.illegal_transition',
    );
  });

  it('allows reopening an opportunity and reactivating a lead, and edits made while open', () => {
    const won = {
      ...opportunityWithLine(),
      state: 'won',
      status: 'won',
      actualRevenue: 5,
      actualCloseDate: '2026-03-01',
    } as Opportunity;
    expect(
      check(
        'opportunity',
        won,
        edit(won, {
          state: 'open',
          status: 'in_progress',
          actualRevenue: null,
          actualCloseDate: null,
        }),
      ),
    ).toBe('ok');
    // Reopened, edited and won again before the push.
    expect(check('opportunity', won, edit(won, { topic: 'changed' }))).toBe('ok');
    const disq = { ...openLead(), state: 'disqualified', status: 'lost' } as Lead;
    expect(check('lead', disq, edit(disq, { state: 'open', status: 'new' }))).toBe('ok');
    expect(check('lead', disq, edit(disq, { state: 'open', status: 'new', company: 'x' }))).toBe(
      'ok',
    );
    expect(check('lead', disq, edit(disq, { qualifiedOpportunityId: 'o-1' }))).toBe(
      'change.read_only',
    );
  });

  it('keeps a qualified lead read-only and its qualified ids set only by qualifying', () => {
    const lead = openLead();
    const qualified = written(unwrap(qualifyLead({ lead }, {}, ctx)), 'lead') as Lead;
    expect(check('lead', lead, qualified)).toBe('ok');
    expect(check('lead', qualified, edit(qualified, { notes: 'x' }))).toBe('change.read_only');
    expect(check('lead', lead, edit(lead, { qualifiedOpportunityId: 'o-1' }))).toBe(
      'change.read_only',
    );
  });
});

describe('validateChange: lines, totals and locks', () => {
  it('rejects a line amount that does not match price, quantity and discount', () => {
    const quote = draftQuote();
    const line = quote.lines[0];
    if (line === undefined) throw new Error('no line');
    const result = validateChange(
      'quote',
      quote,
      edit(quote, { lines: [{ ...line, amount: 1 }] }),
      seller,
    );
    expect(errorCode(result)).toBe('change.line_amount_mismatch');
    if (!result.ok) expect(result.error.field).toBe('lines.0.amount');
  });

  it('rejects duplicate line ids', () => {
    const quote = draftQuote();
    const line = quote.lines[0];
    if (line === undefined) throw new Error('no line');
    const lines = [line, line];
    expect(check('quote', quote, edit(quote, { lines, totals: { ...quote.totals } }))).toBe(
      'change.line_ids_duplicate',
    );
  });

  it('rejects totals that do not add up, and a discount larger than the lines', () => {
    const quote = draftQuote();
    expect(check('quote', quote, edit(quote, { totals: { ...quote.totals, grandTotal: 1 } }))).toBe(
      'change.totals_mismatch',
    );
    expect(
      check('quote', quote, edit(quote, { headerDiscount: { kind: 'amount', value: 10_000_000 } })),
    ).toBe('money.header_discount_exceeds_lines');
  });

  it('rejects an estimated revenue that is not the lines when calculated by the system', () => {
    const opp = opportunityWithLine();
    expect(check('opportunity', opp, edit(opp, { estimatedRevenue: 1 }))).toBe(
      'change.revenue_mismatch',
    );
    expect(check('opportunity', opp, edit(opp, { estimatedRevenue: 1, revenueMode: 'user' }))).toBe(
      'ok',
    );
  });

  it('rejects edits of an active quote', () => {
    const quote = activeQuote();
    expect(check('quote', quote, edit(quote, { paymentTerms: 'changed' }))).toBe('quote.not_draft');
    expect(check('quote', quote, edit(quote, { lines: [] }))).toBe('change.totals_mismatch');
  });

  it('allows priced changes on an active order, locked or not, and none once fulfilled', () => {
    const locked = activeOrder();
    const line = locked.lines[0];
    if (line === undefined) throw new Error('no line');
    const repriced = { ...line, unitPrice: 90_000, amount: 180_000 };
    const next = edit(locked, { lines: [repriced] });
    const totals = { ...next, totals: { ...locked.totals } };
    // Recompute totals the way a device would.
    const withTotals = unwrap(
      validateChange('order', null, { ...totals, totals: recompute(totals) }, seller),
    ) as Order;
    // The device may have unlocked, repriced and locked again before it pushed.
    expect(check('order', locked, withTotals)).toBe('ok');
    const unlocked = written(unwrap(unlockOrderPrices(locked, ctx)), 'order') as Order;
    expect(check('order', unlocked, { ...withTotals, pricesLocked: false })).toBe('ok');
    const fulfilled = fulfilledOrder();
    expect(
      check(
        'order',
        fulfilled,
        edit(fulfilled, { freight: 100, totals: recompute({ ...fulfilled, freight: 100 }) }),
      ),
    ).toBe('change.read_only');
  });

  it('never lets an invoice change its lines or totals', () => {
    const invoice = activeInvoice();
    expect(
      check(
        'invoice',
        invoice,
        edit(invoice, { freight: 100, totals: recompute({ ...invoice, freight: 100 }) }),
      ),
    ).toBe('invoice.read_only');
    expect(check('invoice', invoice, edit(invoice, { dueDate: '2026-12-31' }))).toBe('ok');
    expect(check('invoice', invoice, edit(invoice, { dueDate: '2026-01-01' }))).toBe(
      'invoice.due_before_issue',
    );
  });

  it('rejects a number in the wrong format for the type or year', () => {
    const quote = draftQuote();
    expect(check('quote', null, { ...quote, number: 'ORD-AB-00001' })).toBe(
      'change.number_invalid',
    );
    expect(check('quote', null, { ...quote, number: 'Q-AB-1' })).toBe('change.number_invalid');
    const invoice = activeInvoice();
    expect(check('invoice', null, { ...invoice, number: 'INV/2025/AB/00001' })).toBe(
      'change.number_invalid',
    );
    expect(check('invoice', null, invoice)).toBe('ok');
  });

  it('checks stage gates on forward moves of an opportunity', () => {
    const opp = opportunityWithLine();
    expect(check('opportunity', opp, edit(opp, { stage: 'propose' }))).toBe(
      'opportunity.gate.close_date_required',
    );
    expect(
      check('opportunity', opp, edit(opp, { stage: 'propose', estimatedCloseDate: '2026-06-30' })),
    ).toBe('ok');
    const empty = written(
      unwrap(createOpportunity({ topic: 'x' }, ctx)),
      'opportunity',
    ) as Opportunity;
    expect(check('opportunity', empty, edit(empty, { stage: 'develop' }))).toBe(
      'opportunity.gate.customer_required',
    );
    const bare = written(
      unwrap(closeOpportunityAsWon({ opportunity: empty, quotes: [] }, {}, ctx)),
      'opportunity',
    );
    expect(check('opportunity', empty, bare)).toBe('ok');
    const atClose: Opportunity = { ...opp, stage: 'close' };
    expect(check('opportunity', atClose, edit(atClose, { stage: 'qualify' }))).toBe('ok');
  });
});

describe('validateChange: activities', () => {
  it('keeps system activities immutable once created', () => {
    const activity = systemActivity(
      ctx,
      { type: 'lead', id: 'l-1', ownerId: seller.userId },
      'lead.created',
      'lead.created',
      null,
      'act-1',
    );
    expect(check('activity', null, activity)).toBe('ok');
    expect(check('activity', activity, edit(activity, { subject: 'rewritten' }))).toBe(
      'activity.system_read_only',
    );
    // Handed over with its record (reassign.ts): only the owner and the stamp change.
    const manager: Actor = { userId: 'user-manager', role: 'manager', teamId: 'team-north' };
    const handedOver = {
      ...activity,
      ownerId: 'user-other',
      updatedAt: later.now,
      updatedBy: manager.userId,
    };
    expect(check('activity', activity, handedOver, manager)).toBe('ok');
    expect(check('activity', activity, { ...handedOver, subject: 'rewritten' }, manager)).toBe(
      'activity.system_read_only',
    );
  });

  it('lets people complete their own tasks but not edit completed ones', () => {
    const task = written(
      unwrap(
        createActivity(
          {
            type: 'task',
            regarding: { type: 'lead', id: 'l-1', ownerId: seller.userId },
            subject: 'Richiamare',
          },
          ctx,
        ),
      ),
      'activity',
    );
    if (task === undefined) throw new Error('no task');
    const done = edit(task, { state: 'completed', completedAt: later.now });
    expect(check('activity', task, done)).toBe('ok');
    expect(check('activity', done, edit(done, { body: 'late note' }))).toBe('change.read_only');
    expect(check('activity', task, edit(task, { regardingId: 'l-2' }))).toBe(
      'change.immutable_field',
    );
  });
});

describe('deepEqual and changedFields', () => {
  it('ignore key order and undefined keys', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(
      true,
    );
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(changedFields({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual(['b', 'c']);
  });

  it('accounts and contacts are editable, their originating lead is not', () => {
    const account = written(
      unwrap(createAccount({ name: 'Acme', originatingLeadId: 'l-1' }, ctx)),
      'account',
    );
    if (account === undefined) throw new Error('no account');
    expect(check('account', account, edit(account, { industry: 'wine' }))).toBe('ok');
    expect(check('account', account, edit(account, { originatingLeadId: null }))).toBe(
      'change.immutable_field',
    );
  });
});

describe('validateChange: read-only documents (property)', () => {
  const readOnlyDocs = (): [RecordType, AnyRecord][] => [
    ['invoice', written(unwrap(markInvoicePaid(activeInvoice(), {}, ctx)), 'invoice') as Invoice],
    ['invoice', canceledInvoice()],
    ['invoice', creditNote()],
    ['order', { ...fulfilledOrder(), state: 'invoiced', status: 'invoiced' } as Order],
    ['quote', { ...activeQuote(), state: 'won', status: 'won' } as Quote],
  ];

  it('refuses any change of any field but the signature', () => {
    const docs = readOnlyDocs();
    fc.assert(
      fc.property(
        fc.nat(docs.length - 1),
        fc.nat(),
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()),
        (which, fieldPick, value) => {
          const [type, doc] = docs[which] ?? docs[0]!;
          const fields = Object.keys(doc).filter((k) => k !== 'updatedAt' && k !== 'updatedBy');
          const field = fields[fieldPick % fields.length] ?? 'id';
          const current = (doc as Record<string, unknown>)[field];
          if (deepEqual(current, value)) return;
          const after = { ...edit(doc, {}), [field]: value };
          expect(validateChange(type, doc, after, seller).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
