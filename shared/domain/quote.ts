// Quotes (DESIGN.md §3): Draft → Active → Won, or Closed (Lost, Canceled, Revised). Only a
// draft is edited; revise closes the quote as Revised and opens a draft with the same
// number and revision + 1; create order marks the active quote Won.
import type { Regarding } from './activity';
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { LineEdit } from './document-lines';
import { applyLineEdits } from './document-lines';
import { documentTransition } from './document-transition';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { canRun, checkMove } from './lifecycle-moves';
import { derivedId } from './ids';
import { computeTotals, validateHeaderDiscount } from './money';
import type { NumberingState } from './numbering';
import { nextNumber } from './numbering';
import { requireOpenOpportunity } from './opportunity-gates';
import { changeCurrency } from './pricing';
import type { HeaderDiscount, Opportunity, Quote } from './records';
import { checkDate, created, defined, firstError, today, touched } from './rule-kit';

export { createOrderFromQuote } from './quote-order';
export type { CreateOrderDocuments, CreateOrderInput } from './quote-order';

/** Italian standard VAT rate: freight follows it unless the seller says otherwise. */
export const DEFAULT_FREIGHT_VAT_RATE = 2200;

export const quoteRegarding = (q: Quote): Regarding => ({
  type: 'quote',
  id: q.id,
  ownerId: q.ownerId,
});

/** The document with its totals recomputed from lines, header discount and freight. */
export const withTotals = <
  T extends Pick<Quote, 'lines' | 'headerDiscount' | 'freight' | 'freightVatRate' | 'totals'>,
>(
  doc: T,
): T => ({ ...doc, totals: computeTotals(doc) });

const checkCommercial = (q: Quote): Result<void> =>
  firstError(
    checkDate(q.validFrom, 'validFrom'),
    checkDate(q.validTo, 'validTo'),
    q.validFrom !== null && q.validTo !== null && q.validTo < q.validFrom
      ? fail(
          'quote.validity_invalid',
          'The quote cannot expire before it becomes valid.',
          "L'offerta non può scadere prima di diventare valida.",
          'validTo',
        )
      : ok(undefined),
    Number.isSafeInteger(q.freight) && q.freight >= 0
      ? ok(undefined)
      : fail(
          'quote.freight_invalid',
          'Freight must be an amount of zero or more.',
          'Il trasporto deve essere un importo pari o superiore a zero.',
          'freight',
        ),
    Number.isInteger(q.freightVatRate) && q.freightVatRate >= 0 && q.freightVatRate <= 10000
      ? ok(undefined)
      : fail(
          'pricing.vat_rate_invalid',
          'The VAT rate must be between 0% and 100%.',
          "L'aliquota IVA deve essere compresa tra 0% e 100%.",
          'freightVatRate',
        ),
    validateHeaderDiscount(q.totals.linesTotal, q.headerDiscount),
  );

export type QuoteTermsInput = {
  name?: string;
  contactId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  paymentTerms?: string;
  deliveryTerms?: string;
  headerDiscount?: HeaderDiscount | null;
  freight?: number;
  freightVatRate?: number;
};

export type CreateQuoteDocuments = {
  opportunity: Opportunity;
  numbering: NumberingState;
  /** The quote a previous, interrupted run of this command already wrote (same id). */
  existing?: Quote;
};

export type CreateQuoteInput = QuoteTermsInput & {
  /** Pass the same id on a retry so nothing is created twice; a fresh one by default. */
  id?: string;
};

/** A draft quote with the opportunity's customer, currency, price list and lines. */
export const createQuoteFromOpportunity = (
  docs: CreateQuoteDocuments,
  input: CreateQuoteInput,
  ctx: RuleContext,
): Result<Effects> => {
  const { opportunity, existing } = docs;
  const open = requireOpenOpportunity(opportunity);
  if (!open.ok) return open;
  const id = existing?.id ?? input.id ?? ctx.newId();
  // A retry reuses the number the interrupted run allocated; only a new one moves the series.
  const allocated = existing === undefined ? nextNumber(docs.numbering, 'quote', ctx.now) : null;
  const { id: _id, ...terms } = input;
  // A retry writes the quote the interrupted run wrote, as it is.
  const quote: Quote =
    existing ??
    withTotals({
      ...created(ctx, id, opportunity.ownerId),
      number: allocated?.number ?? '',
      revisionNumber: 0,
      name: opportunity.topic,
      opportunityId: opportunity.id,
      accountId: opportunity.accountId,
      contactId: opportunity.contactId,
      currency: opportunity.currency,
      priceListId: opportunity.priceListId,
      lines: opportunity.lines.map((l) => ({ ...l })),
      headerDiscount: null,
      freight: 0,
      freightVatRate: DEFAULT_FREIGHT_VAT_RATE,
      totals: computeTotals({ lines: [], headerDiscount: null, freight: 0, freightVatRate: 0 }),
      validFrom: today(ctx),
      validTo: null,
      paymentTerms: '',
      deliveryTerms: '',
      state: 'draft',
      status: 'in_progress',
      previousQuoteId: null,
      ...defined(terms),
    });
  const check = checkCommercial(quote);
  if (!check.ok) return check;
  const activities = [
    systemActivity(
      ctx,
      quoteRegarding(quote),
      'quote.created',
      quote.number,
      { number: quote.number, revision: 0, opportunityId: opportunity.id },
      derivedId(id, 'activity:quote.created'),
    ),
    systemActivity(
      ctx,
      { type: 'opportunity', id: opportunity.id, ownerId: opportunity.ownerId },
      'opportunity.quote_created',
      quote.number,
      { quoteId: id, number: quote.number },
      derivedId(id, 'activity:opportunity.quote_created'),
    ),
  ];
  return ok({
    writes: [...activities.map((a) => write('activity', a)), write('quote', quote)],
    ...(allocated !== null ? { numbering: allocated.state } : {}),
  });
};

const requireDraft = (quote: Quote): Result<void> =>
  quote.state === 'draft'
    ? ok(undefined)
    : fail(
        'quote.not_draft',
        'Only a draft quote can be changed. Revise it to make a new draft.',
        "Solo un'offerta in bozza può essere modificata. Revisionala per crearne una nuova bozza.",
        'state',
      );

export type QuoteDraftPatch = QuoteTermsInput & { currency?: string; lines?: LineEdit[] };

/** Edits a draft: lines, header discount, freight, validity and terms; totals follow. */
export const updateQuoteDraft = (
  quote: Quote,
  patch: QuoteDraftPatch,
  ctx: RuleContext,
): Result<Effects> => {
  const draft = requireDraft(quote);
  if (!draft.ok) return draft;
  const { lines, currency, ...terms } = patch;
  let next: Quote = { ...quote, ...defined(terms) };
  if (lines !== undefined) {
    const edited = applyLineEdits(next, lines, ctx);
    if (!edited.ok) return edited;
    next = edited.value;
  }
  if (currency !== undefined) {
    const changed = changeCurrency(next, currency);
    if (!changed.ok) return changed;
    next = changed.value;
  }
  next = withTotals(next);
  const check = checkCommercial(next);
  if (!check.ok) return check;
  return ok({ writes: [write('quote', { ...next, ...touched(ctx) })] });
};

const transition = (
  quote: Quote,
  next: Quote,
  event: string,
  data: Record<string, unknown>,
  ctx: RuleContext,
): Effects =>
  documentTransition(
    { type: 'quote', next },
    {
      regarding: quoteRegarding(quote),
      event,
      number: quote.number,
      data: { revision: quote.revisionNumber, ...data },
      activityId: derivedId(quote.id, `activity:${event}`),
    },
    ctx,
  );

/** Draft → Active: the quote can be sent; it needs at least one line. */
export const activateQuote = (quote: Quote, ctx: RuleContext): Result<Effects> => {
  const draft = canRun('quote', 'activateQuote', quote) ? ok(undefined) : requireDraft(quote);
  if (!draft.ok) return draft;
  if (quote.lines.length === 0) {
    return fail(
      'quote.lines_required',
      'Add at least one line before activating the quote.',
      "Aggiungi almeno una riga prima di attivare l'offerta.",
      'lines',
    );
  }
  const next: Quote = { ...quote, state: 'active', status: 'open' };
  const move = checkMove('quote', 'activateQuote', quote, next);
  if (!move.ok) return move;
  return ok(transition(quote, next, 'quote.activated', {}, ctx));
};

/** Closes a draft or active quote as Lost or Canceled. */
export const closeQuote = (
  quote: Quote,
  input: { status: 'lost' | 'canceled' },
  ctx: RuleContext,
): Result<Effects> => {
  if (!canRun('quote', 'closeQuote', quote)) {
    return fail(
      'quote.not_open',
      'This quote is already won or closed.',
      'Questa offerta è già vinta o chiusa.',
      'state',
    );
  }
  const next: Quote = { ...quote, state: 'closed', status: input.status };
  const move = checkMove('quote', 'closeQuote', quote, next);
  if (!move.ok) return move;
  return ok(transition(quote, next, 'quote.closed', { status: input.status }, ctx));
};

export type ReviseQuoteDocuments = {
  quote: Quote;
  /** The new draft a previous, interrupted run of this command already wrote. */
  existing?: Quote;
};

/** Id of the draft that revises a quote: derived, so a retry writes the same one. */
export const revisionId = (quoteId: string): string => derivedId(quoteId, 'revision');

/**
 * Active (or closed as lost) → closed as Revised, plus a new draft with the same number,
 * revision + 1 and the same lines (line ids kept: they are embedded in the new document).
 */
export const reviseQuote = (docs: ReviseQuoteDocuments, ctx: RuleContext): Result<Effects> => {
  const { quote } = docs;
  if (!canRun('quote', 'reviseQuote', quote)) {
    return fail(
      'quote.not_revisable',
      'Only an active quote, or one closed as lost, can be revised.',
      "Solo un'offerta attiva, o chiusa come persa, può essere revisionata.",
      'state',
    );
  }
  const id = revisionId(quote.id);
  const draft: Quote = docs.existing ?? {
    ...quote,
    ...created(ctx, id, quote.ownerId),
    revisionNumber: quote.revisionNumber + 1,
    lines: quote.lines.map((l) => ({ ...l })),
    state: 'draft',
    status: 'in_progress',
    previousQuoteId: quote.id,
  };
  const created_ = systemActivity(
    ctx,
    quoteRegarding(draft),
    'quote.created',
    draft.number,
    { number: draft.number, revision: draft.revisionNumber, previousQuoteId: quote.id },
    derivedId(id, 'activity:quote.created'),
  );
  const revised: Quote = { ...quote, state: 'closed', status: 'revised' };
  const move = checkMove('quote', 'reviseQuote', quote, revised);
  if (!move.ok) return move;
  const closed = transition(
    quote,
    revised,
    'quote.revised',
    { newQuoteId: id, newRevision: draft.revisionNumber },
    ctx,
  );
  return ok({ writes: [write('quote', draft), write('activity', created_), ...closed.writes] });
};
