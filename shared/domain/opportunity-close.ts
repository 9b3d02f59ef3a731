// Closing and reopening opportunities (DESIGN.md §3): won records actual revenue and date,
// lost records Canceled/Out-sold and the competitor; all quotes must be closed first.
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { canRun, checkMove } from './lifecycle-moves';
import { opportunityRegarding, requireOpenOpportunity } from './opportunity-gates';
import type { Opportunity, Quote } from './records';
import { checkDate, eventActivityId, firstError, today, touched } from './rule-kit';

export type CloseContext = {
  opportunity: Opportunity;
  /** The opportunity's quotes: all must be won or closed before it closes. */
  quotes: readonly Quote[];
};

const requireQuotesClosed = (c: CloseContext): Result<void> => {
  const open = c.quotes.filter(
    (q) => q.opportunityId === c.opportunity.id && q.state !== 'won' && q.state !== 'closed',
  );
  return open.length === 0
    ? ok(undefined)
    : fail(
        'opportunity.quotes_open',
        `Close the open quotes first (${open.map((q) => q.number).join(', ')}).`,
        `Chiudi prima le offerte aperte (${open.map((q) => q.number).join(', ')}).`,
        'quotes',
      );
};

export type CloseAsWonInput = {
  /** Defaults to the estimated revenue. */
  actualRevenue?: number;
  /** Defaults to today. */
  actualCloseDate?: string;
  closeDescription?: string;
};

const close = (
  c: CloseContext,
  next: Opportunity,
  event: string,
  ctx: RuleContext,
): Result<Effects> => {
  const command = next.state === 'won' ? 'closeOpportunityAsWon' : 'closeOpportunityAsLost';
  const move = checkMove('opportunity', command, c.opportunity, next);
  if (!move.ok) return move;
  const activity = systemActivity(
    ctx,
    opportunityRegarding(c.opportunity),
    event,
    event,
    { status: next.status, actualRevenue: next.actualRevenue, competitor: next.competitor },
    eventActivityId(c.opportunity, event),
  );
  return ok({
    writes: [write('activity', activity), write('opportunity', { ...next, ...touched(ctx) })],
  });
};

export const closeOpportunityAsWon = (
  c: CloseContext,
  input: CloseAsWonInput,
  ctx: RuleContext,
): Result<Effects> => {
  const check = firstError(
    requireOpenOpportunity(c.opportunity, 'closeOpportunityAsWon'),
    requireQuotesClosed(c),
    checkDate(input.actualCloseDate, 'actualCloseDate'),
  );
  if (!check.ok) return check;
  const actualRevenue = input.actualRevenue ?? c.opportunity.estimatedRevenue;
  if (!Number.isSafeInteger(actualRevenue) || actualRevenue < 0) {
    return fail(
      'opportunity.revenue_invalid',
      'The actual revenue must be an amount of zero or more.',
      'Il ricavo effettivo deve essere un importo pari o superiore a zero.',
      'actualRevenue',
    );
  }
  return close(
    c,
    {
      ...c.opportunity,
      state: 'won',
      status: 'won',
      stage: 'close',
      probability: 100,
      actualRevenue,
      actualCloseDate: input.actualCloseDate ?? today(ctx),
      closeDescription: input.closeDescription ?? c.opportunity.closeDescription,
    },
    'opportunity.won',
    ctx,
  );
};

export type CloseAsLostInput = {
  status: 'canceled' | 'out_sold';
  /** Who won the deal, when out-sold. */
  competitor?: string;
  actualCloseDate?: string;
  closeDescription?: string;
};

export const closeOpportunityAsLost = (
  c: CloseContext,
  input: CloseAsLostInput,
  ctx: RuleContext,
): Result<Effects> => {
  const check = firstError(
    requireOpenOpportunity(c.opportunity, 'closeOpportunityAsLost'),
    requireQuotesClosed(c),
    checkDate(input.actualCloseDate, 'actualCloseDate'),
  );
  if (!check.ok) return check;
  return close(
    c,
    {
      ...c.opportunity,
      state: 'lost',
      status: input.status,
      probability: 0,
      actualRevenue: 0,
      actualCloseDate: input.actualCloseDate ?? today(ctx),
      competitor: input.competitor?.trim() ?? c.opportunity.competitor,
      closeDescription: input.closeDescription ?? c.opportunity.closeDescription,
    },
    'opportunity.lost',
    ctx,
  );
};

/** Reopens a won or lost opportunity as in progress; the close results are cleared. */
export const reopenOpportunity = (opportunity: Opportunity, ctx: RuleContext): Result<Effects> => {
  if (!canRun('opportunity', 'reopenOpportunity', opportunity)) {
    return fail(
      'opportunity.not_closed',
      'This opportunity is already open.',
      'Questa opportunità è già aperta.',
      'state',
    );
  }
  const event = 'opportunity.reopened';
  const activity = systemActivity(
    ctx,
    opportunityRegarding(opportunity),
    event,
    event,
    { from: opportunity.state, status: opportunity.status },
    eventActivityId(opportunity, event),
  );
  const next: Opportunity = {
    ...opportunity,
    ...touched(ctx),
    state: 'open',
    status: 'in_progress',
    actualRevenue: null,
    actualCloseDate: null,
  };
  const move = checkMove('opportunity', 'reopenOpportunity', opportunity, next);
  if (!move.ok) return move;
  return ok({ writes: [write('activity', activity), write('opportunity', next)] });
};
