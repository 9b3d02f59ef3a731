// Quote commands: create from an opportunity (numbered), edit the draft, activate, close,
// revise (closes the active quote and opens a new draft), create the order (numbered).
import { written } from '../../../shared/domain/effects';
import type { Effects } from '../../../shared/domain/effects';
import type {
  CreateOrderInput,
  CreateQuoteInput,
  QuoteDraftPatch,
} from '../../../shared/domain/quote';
import {
  activateQuote,
  closeQuote,
  createOrderFromQuote,
  createQuoteFromOpportunity,
  reviseQuote,
  revisionId,
  updateQuoteDraft,
} from '../../../shared/domain/quote';
import { orderIdForQuote } from '../../../shared/domain/quote-order';
import type { Order, Quote } from '../../../shared/domain/records';
import { command } from './command-kit';
import { removeCommand } from './deletion';
import type { CommandLineEdit } from './lines';
import { resolveEdits } from './lines';

const quoteOf = (effects: Effects): Quote => written(effects, 'quote') as Quote;

export type QuoteDraftCommandPatch = Omit<QuoteDraftPatch, 'lines'> & {
  lines?: CommandLineEdit[];
};

export const quoteCommandDefs = {
  /** Deletes the quote where the deletion table allows it (shared/domain/deletion.ts). */
  remove: removeCommand('quote'),

  /**
   * Creates a numbered draft. Pass the same `id` to retry after a crash: the number the
   * interrupted run allocated is reused.
   */
  create: command(async (env, input: { opportunityId: string } & CreateQuoteInput) => {
    const { opportunityId, ...terms } = input;
    const opportunity = await env.get('opportunity', opportunityId);
    const existing = input.id === undefined ? undefined : await env.find('quote', input.id);
    const numbering = await env.numbering();
    return createQuoteFromOpportunity({ opportunity, numbering, existing }, terms, env.ctx);
  }, quoteOf),

  updateDraft: command(async (env, input: { id: string; patch: QuoteDraftCommandPatch }) => {
    const quote = await env.get('quote', input.id);
    const { lines, ...terms } = input.patch;
    if (lines === undefined) return updateQuoteDraft(quote, terms, env.ctx);
    const edits = await resolveEdits(env, quote.priceListId, lines);
    return edits.ok ? updateQuoteDraft(quote, { ...terms, lines: edits.value }, env.ctx) : edits;
  }, quoteOf),

  activate: command(
    async (env, input: { id: string }) => activateQuote(await env.get('quote', input.id), env.ctx),
    quoteOf,
  ),

  close: command(
    async (env, input: { id: string; status: 'lost' | 'canceled' }) =>
      closeQuote(await env.get('quote', input.id), { status: input.status }, env.ctx),
    quoteOf,
  ),

  /** Idempotent: answers the new draft. */
  revise: command(
    async (env, input: { id: string }) =>
      reviseQuote(
        {
          quote: await env.get('quote', input.id),
          existing: await env.find('quote', revisionId(input.id)),
        },
        env.ctx,
      ),
    (effects, input): Quote => written(effects, 'quote', revisionId(input.id)) as Quote,
  ),

  /** Idempotent: marks the quote won and answers the order (number reused on a retry). */
  createOrder: command(
    async (env, input: { id: string } & CreateOrderInput) => {
      const { id, ...rest } = input;
      const quote = await env.get('quote', id);
      const existing = await env.find('order', orderIdForQuote(id));
      const numbering = await env.numbering();
      return createOrderFromQuote({ quote, numbering, existing }, rest, env.ctx);
    },
    (effects): Order => written(effects, 'order') as Order,
  ),
};
