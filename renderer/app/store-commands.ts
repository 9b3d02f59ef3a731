// The UI's write commands: load the current documents, run the pure domain rule, write its
// documents in the rule's order, then advance numbering. One command at a time, so two
// quick clicks never allocate the same document number.
import type { MangoQuerySelector } from 'rxdb';
import { fail, ok } from '../../shared/domain/errors';
import type { Result } from '../../shared/domain/errors';
import type { Effects } from '../../shared/domain/effects';
import { written } from '../../shared/domain/effects';
import type { RuleContext } from '../../shared/domain/context';
import { uuidv7 } from '../../shared/domain/ids';
import { createActivity, completeActivity } from '../../shared/domain/activity';
import {
  createLead,
  disqualifyLead,
  qualifyLead,
  reactivateLead,
  updateLead,
} from '../../shared/domain/lead';
import { qualifiedIds } from '../../shared/domain/lead-qualify';
import {
  addOpportunityLine,
  removeOpportunityLine,
  updateOpportunityLine,
  closeOpportunityAsLost,
  closeOpportunityAsWon,
  moveOpportunityStage,
  reopenOpportunity,
  setRevenueMode,
  updateOpportunity,
} from '../../shared/domain/opportunity';
import {
  activateQuote,
  closeQuote,
  createQuoteFromOpportunity,
  reviseQuote,
  revisionId,
  updateQuoteDraft,
} from '../../shared/domain/quote';
import { createOrderFromQuote, orderIdForQuote } from '../../shared/domain/quote-order';
import {
  cancelOrder,
  createInvoiceFromOrder,
  fulfilOrder,
  invoiceIdForOrder,
  lockOrderPrices,
} from '../../shared/domain/order';
import { cancelInvoice, markInvoicePaid } from '../../shared/domain/invoice';
import type { RecordOf, RecordType } from '../../shared/domain/records';
import type { FairleadDatabase } from '../data/database';
import { readNumbering, saveNumbering } from '../data/numbering-store';
import type { DeviceSession } from '../data/sync/session';
import { collectionOf, upsertWrite } from '../data/write';
import type { StoreCommands } from './store-port';

const notFound = (type: string): Result<never> =>
  fail(
    'store.not_found',
    `This ${type} is no longer on this device.`,
    `Questo record (${type}) non è più su questo dispositivo.`,
  );

export const createStoreCommands = (
  db: FairleadDatabase,
  session: DeviceSession,
): StoreCommands => {
  const ctx = (): RuleContext => ({
    actor: { userId: session.user.id, role: session.user.role, teamId: session.user.teamId },
    now: new Date().toISOString(),
    newId: () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10))),
  });
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = async <K extends RecordType>(type: K, id: string): Promise<RecordOf[K] | null> => {
    const doc = await collectionOf(db, type).findOne(id).exec();
    return doc ? (doc.toJSON() as RecordOf[K]) : null;
  };
  const loadWhere = async <K extends RecordType>(
    type: K,
    selector: Record<string, unknown>,
  ): Promise<RecordOf[K][]> =>
    (
      await collectionOf(db, type)
        .find({ selector: selector as MangoQuerySelector<RecordOf[K]> })
        .exec()
    ).map((d) => d.toJSON() as RecordOf[K]);

  const apply = async (result: Result<Effects>): Promise<Result<Effects>> => {
    if (!result.ok) return result;
    for (const [index, w] of result.value.writes.entries()) await upsertWrite(db, w, index);
    if (result.value.numbering) await saveNumbering(db, result.value.numbering);
    return result;
  };

  /** Runs a rule on one loaded document and returns the written document of `out`. */
  const on = <K extends RecordType, O extends RecordType>(
    type: K,
    id: string,
    out: O,
    rule: (doc: RecordOf[K], c: RuleContext) => Promise<Result<Effects>> | Result<Effects>,
    outId?: (doc: RecordOf[K]) => string,
  ): Promise<Result<RecordOf[O]>> =>
    serial(async () => {
      const doc = await load(type, id);
      if (doc === null) return notFound(type);
      const result = await apply(await rule(doc, ctx()));
      if (!result.ok) return result;
      const main = written(
        result.value,
        out,
        outId ? outId(doc) : out === (type as string) ? id : undefined,
      );
      return main ? ok(main) : notFound(out);
    });

  const numbering = async () => {
    const state = await readNumbering(db);
    if (state === null) throw new Error('Document numbering is not set up on this device.');
    return state;
  };

  return {
    lead: {
      create: (input) =>
        serial(async () => {
          const result = await apply(createLead(input, ctx()));
          if (!result.ok) return result;
          const lead = written(result.value, 'lead');
          return lead ? ok(lead) : notFound('lead');
        }),
      update: (id, patch) => on('lead', id, 'lead', (lead, c) => updateLead(lead, patch, c)),
      qualify: (id, choice) =>
        serial(async () => {
          const lead = await load('lead', id);
          if (lead === null) return notFound('lead');
          const party = async <K extends 'account' | 'contact'>(
            type: K,
            pick: typeof choice.account,
          ) => {
            if (pick.mode !== 'link') return pick;
            const doc = await load(type, pick.id);
            return doc === null ? null : ({ mode: 'link', [type]: doc } as const);
          };
          const account = await party('account', choice.account);
          const contact = await party('contact', choice.contact);
          if (account === null) return notFound('account');
          if (contact === null) return notFound('contact');
          const result = await apply(
            qualifyLead(
              { lead },
              { account, contact, opportunity: { mode: 'create' } } as Parameters<
                typeof qualifyLead
              >[1],
              ctx(),
            ),
          );
          return result.ok ? ok({ opportunityId: qualifiedIds(id).opportunity }) : result;
        }),
      disqualify: (id, reason) =>
        on('lead', id, 'lead', async (lead, c) =>
          disqualifyLead(
            { lead, opportunities: await loadWhere('opportunity', { originatingLeadId: id }) },
            { reason },
            c,
          ),
        ),
      reactivate: (id) => on('lead', id, 'lead', (lead, c) => reactivateLead(lead, c)),
    },
    opportunity: {
      update: (id, patch) =>
        on('opportunity', id, 'opportunity', (o, c) => updateOpportunity(o, patch, c)),
      editLines: (id, edit) =>
        on('opportunity', id, 'opportunity', (o, c) =>
          edit.op === 'add'
            ? addOpportunityLine(o, edit.line, c)
            : edit.op === 'update'
              ? updateOpportunityLine(o, edit.id, edit.patch, c)
              : removeOpportunityLine(o, edit.id, c),
        ),
      setRevenueMode: (id, mode) =>
        on('opportunity', id, 'opportunity', (o, c) => setRevenueMode(o, mode, c)),
      moveStage: (id, stage) =>
        on('opportunity', id, 'opportunity', (o, c) => moveOpportunityStage(o, stage, c)),
      closeAsWon: (id, input) =>
        on('opportunity', id, 'opportunity', async (o, c) =>
          closeOpportunityAsWon(
            { opportunity: o, quotes: await loadWhere('quote', { opportunityId: id }) },
            input,
            c,
          ),
        ),
      closeAsLost: (id, input) =>
        on('opportunity', id, 'opportunity', async (o, c) =>
          closeOpportunityAsLost(
            { opportunity: o, quotes: await loadWhere('quote', { opportunityId: id }) },
            input,
            c,
          ),
        ),
      reopen: (id) => on('opportunity', id, 'opportunity', (o, c) => reopenOpportunity(o, c)),
    },
    quote: {
      createFromOpportunity: (opportunityId) =>
        serial(async () => {
          const opportunity = await load('opportunity', opportunityId);
          if (opportunity === null) return notFound('opportunity');
          const result = await apply(
            createQuoteFromOpportunity({ opportunity, numbering: await numbering() }, {}, ctx()),
          );
          if (!result.ok) return result;
          const quote = written(result.value, 'quote');
          return quote ? ok(quote) : notFound('quote');
        }),
      update: (id, patch) => on('quote', id, 'quote', (q, c) => updateQuoteDraft(q, patch, c)),
      editLines: (id, edit) =>
        on('quote', id, 'quote', (q, c) => updateQuoteDraft(q, { lines: [edit] }, c)),
      activate: (id) => on('quote', id, 'quote', (q, c) => activateQuote(q, c)),
      revise: (id) =>
        on(
          'quote',
          id,
          'quote',
          async (q, c) => {
            const existing = await load('quote', revisionId(id));
            return reviseQuote(existing ? { quote: q, existing } : { quote: q }, c);
          },
          () => revisionId(id),
        ),
      close: (id, status) => on('quote', id, 'quote', (q, c) => closeQuote(q, { status }, c)),
      createOrder: (id, options) =>
        serial(async () => {
          const quote = await load('quote', id);
          if (quote === null) return notFound('quote');
          const existing = await load('order', orderIdForQuote(id));
          const docs = { quote, numbering: await numbering(), ...(existing ? { existing } : {}) };
          const result = await apply(createOrderFromQuote(docs, {}, ctx()));
          if (!result.ok) return result;
          const order = written(result.value, 'order');
          if (!order) return notFound('order');
          if (options.closeOpportunity && quote.opportunityId) {
            // Closing the opportunity is offered, not required: its refusal keeps the order.
            const opportunity = await load('opportunity', quote.opportunityId);
            if (opportunity && opportunity.state === 'open') {
              const quotes = await loadWhere('quote', { opportunityId: opportunity.id });
              await apply(closeOpportunityAsWon({ opportunity, quotes }, {}, ctx()));
            }
          }
          return ok(order);
        }),
    },
    order: {
      lockPrices: (id) => on('order', id, 'order', (o, c) => lockOrderPrices(o, c)),
      fulfil: (id) => on('order', id, 'order', (o, c) => fulfilOrder(o, {}, c)),
      cancel: (id) => on('order', id, 'order', (o, c) => cancelOrder(o, c)),
      createInvoice: (id) =>
        on(
          'order',
          id,
          'invoice',
          async (order, c) => {
            const existing = await load('invoice', invoiceIdForOrder(id));
            return createInvoiceFromOrder(
              { order, numbering: await numbering(), ...(existing ? { existing } : {}) },
              {},
              c,
            );
          },
          () => invoiceIdForOrder(id),
        ),
    },
    invoice: {
      markPaid: (id) => on('invoice', id, 'invoice', (i, c) => markInvoicePaid(i, {}, c)),
      cancel: (id) => on('invoice', id, 'invoice', (i, c) => cancelInvoice(i, c)),
    },
    activity: {
      create: (input) =>
        serial(async () => {
          const type = input.regardingType;
          const record = await load(type, input.regardingId);
          if (record === null) return notFound(type);
          const result = await apply(
            createActivity(
              {
                type: input.type,
                regarding: { type, id: record.id, ownerId: record.ownerId },
                subject: input.subject,
                body: input.body,
                due: input.due,
              },
              ctx(),
            ),
          );
          if (!result.ok) return result;
          const activity = written(result.value, 'activity');
          return activity ? ok(activity) : notFound('activity');
        }),
      complete: (id) => on('activity', id, 'activity', (a, c) => completeActivity(a, c)),
    },
  };
};
