// Opportunities (DESIGN.md §3): Open (In progress, On hold) → Won, or Lost (Canceled,
// Out-sold); stages Qualify → Develop → Propose → Close with gates (opportunity-gates.ts);
// catalog and write-in lines; estimated revenue from the lines or typed by the seller.
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { LineEdit, LineInput, LinePatch } from './document-lines';
import { applyLineEdits } from './document-lines';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { derivedId } from './ids';
import {
  checkStageGates,
  opportunityRegarding,
  requireOpenOpportunity,
  stageIndex,
} from './opportunity-gates';
import { changeCurrency, systemEstimatedRevenue } from './pricing';
import type { Opportunity, OpportunityStage } from './records';
import {
  checkDate,
  checkRequired,
  created,
  defined,
  eventActivityId,
  firstError,
  touched,
} from './rule-kit';
import { searchTermsForOpportunity } from './search';
import { checkForecastCategory } from './forecast';

export type OpportunityInput = {
  /** Pass the same id on a retry so nothing is created twice; a fresh one by default. */
  id?: string;
  topic: string;
  ownerId?: string;
  accountId?: string | null;
  contactId?: string | null;
  originatingLeadId?: string | null;
  currency?: string;
  priceListId?: string | null;
  estimatedCloseDate?: string | null;
  probability?: number;
  rating?: Opportunity['rating'];
  stage?: OpportunityStage;
};

/**
 * The default probability of each stage (Dynamics 365's sales process, Salesforce's stage
 * probabilities): the share of deals at that stage that end up won.
 */
export const stageProbability: Readonly<Record<OpportunityStage, number>> = {
  qualify: 10,
  develop: 30,
  propose: 60,
  close: 80,
};

/**
 * The probability after a move to `to`. It follows the stage while it still is the default of
 * the stage being left; one the seller typed (any other value) is theirs and stays.
 */
export const probabilityAfterMove = (
  probability: number,
  from: OpportunityStage,
  to: OpportunityStage,
): number => (probability === stageProbability[from] ? stageProbability[to] : probability);

const checkProbability = (p: number): Result<void> =>
  Number.isInteger(p) && p >= 0 && p <= 100
    ? ok(undefined)
    : fail(
        'opportunity.probability_invalid',
        'The probability is a whole percentage from 0 to 100.',
        'La probabilità è una percentuale intera da 0 a 100.',
        'probability',
      );

/** A new open opportunity document, checked; no timeline activity. */
export const buildOpportunity = (
  input: OpportunityInput,
  ctx: RuleContext,
): Result<Opportunity> => {
  const probability = input.probability ?? stageProbability[input.stage ?? 'qualify'];
  const check = firstError(
    checkRequired(
      input.topic,
      'topic',
      'The opportunity needs a topic.',
      "L'opportunità richiede un argomento.",
    ),
    checkDate(input.estimatedCloseDate, 'estimatedCloseDate'),
    checkProbability(probability),
  );
  if (!check.ok) return check;
  const currency = changeCurrency({ currency: 'EUR', lines: [] }, input.currency ?? 'EUR');
  if (!currency.ok) return currency;
  const topic = input.topic.trim();
  return ok({
    ...created(ctx, input.id ?? ctx.newId(), input.ownerId),
    // Opportunities are found by topic and customer; quotes, orders and invoices carry numbers.
    number: '',
    topic,
    accountId: input.accountId ?? null,
    contactId: input.contactId ?? null,
    originatingLeadId: input.originatingLeadId ?? null,
    currency: currency.value.currency,
    priceListId: input.priceListId ?? null,
    lines: [],
    revenueMode: 'system',
    estimatedRevenue: 0,
    estimatedCloseDate: input.estimatedCloseDate ?? null,
    probability,
    rating: input.rating ?? 'warm',
    stage: input.stage ?? 'qualify',
    state: 'open',
    status: 'in_progress',
    actualRevenue: null,
    actualCloseDate: null,
    competitor: '',
    closeDescription: '',
    searchTerms: searchTermsForOpportunity({ topic, number: '' }),
    forecastCategory: null,
  });
};

export const opportunityCreatedActivity = (ctx: RuleContext, o: Opportunity) =>
  systemActivity(
    ctx,
    opportunityRegarding(o),
    'opportunity.created',
    o.topic,
    { originatingLeadId: o.originatingLeadId, accountId: o.accountId, contactId: o.contactId },
    derivedId(o.id, 'activity:opportunity.created'),
  );

export const createOpportunity = (input: OpportunityInput, ctx: RuleContext): Result<Effects> => {
  const opportunity = buildOpportunity(input, ctx);
  if (!opportunity.ok) return opportunity;
  return ok({
    writes: [
      write('activity', opportunityCreatedActivity(ctx, opportunity.value)),
      write('opportunity', opportunity.value),
    ],
  });
};

/** The opportunity with its system-calculated revenue brought up to date. */
const withRevenue = (o: Opportunity): Opportunity =>
  o.revenueMode === 'system' ? { ...o, estimatedRevenue: systemEstimatedRevenue(o.lines) } : o;

export type OpportunityPatch = {
  topic?: string;
  accountId?: string | null;
  contactId?: string | null;
  priceListId?: string | null;
  currency?: string;
  estimatedCloseDate?: string | null;
  probability?: number;
  rating?: Opportunity['rating'];
  /** In progress or on hold; winning and losing go through the close rules. */
  status?: 'in_progress' | 'on_hold';
  competitor?: string;
  closeDescription?: string;
  /** A forecast category picked for the open opportunity; null follows stage and probability. */
  forecastCategory?: Opportunity['forecastCategory'];
};

export const updateOpportunity = (
  opportunity: Opportunity,
  patch: OpportunityPatch,
  ctx: RuleContext,
): Result<Effects> => {
  const open = requireOpenOpportunity(opportunity);
  if (!open.ok) return open;
  const { currency, ...rest } = defined(patch);
  const next: Opportunity = { ...opportunity, ...rest };
  if (
    patch.priceListId !== undefined &&
    patch.priceListId !== opportunity.priceListId &&
    opportunity.lines.some((l) => l.productId !== null)
  ) {
    return fail(
      'opportunity.price_list_locked',
      'The price list cannot change while catalog lines are priced from it. Remove them first.',
      'Il listino non può cambiare finché ci sono righe a catalogo prezzate da esso. Rimuovile prima.',
      'priceListId',
    );
  }
  const check = firstError(
    checkRequired(
      next.topic,
      'topic',
      'The opportunity needs a topic.',
      "L'opportunità richiede un argomento.",
    ),
    checkDate(next.estimatedCloseDate, 'estimatedCloseDate'),
    checkProbability(next.probability),
    checkForecastCategory(next.forecastCategory),
  );
  if (!check.ok) return check;
  const priced = currency === undefined ? ok(next) : changeCurrency(next, currency);
  if (!priced.ok) return priced;
  const doc = {
    ...priced.value,
    ...touched(ctx),
    topic: next.topic.trim(),
    searchTerms: searchTermsForOpportunity(priced.value),
  };
  return ok({ writes: [write('opportunity', doc)] });
};

const editLines = (
  opportunity: Opportunity,
  edits: LineEdit[],
  ctx: RuleContext,
): Result<Effects> => {
  const open = requireOpenOpportunity(opportunity);
  if (!open.ok) return open;
  const next = applyLineEdits(opportunity, edits, ctx);
  if (!next.ok) return next;
  return ok({ writes: [write('opportunity', withRevenue({ ...next.value, ...touched(ctx) }))] });
};

export const addOpportunityLine = (o: Opportunity, line: LineInput, ctx: RuleContext) =>
  editLines(o, [{ op: 'add', line }], ctx);

export const updateOpportunityLine = (
  o: Opportunity,
  lineId: string,
  patch: LinePatch,
  ctx: RuleContext,
) => editLines(o, [{ op: 'update', id: lineId, patch }], ctx);

export const removeOpportunityLine = (o: Opportunity, lineId: string, ctx: RuleContext) =>
  editLines(o, [{ op: 'remove', id: lineId }], ctx);

export type RevenueModeInput = { mode: 'system' } | { mode: 'user'; estimatedRevenue: number };

/** Estimated revenue from the lines (system) or typed by the seller (user). */
export const setRevenueMode = (
  opportunity: Opportunity,
  input: RevenueModeInput,
  ctx: RuleContext,
): Result<Effects> => {
  const open = requireOpenOpportunity(opportunity);
  if (!open.ok) return open;
  if (
    input.mode === 'user' &&
    (!Number.isSafeInteger(input.estimatedRevenue) || input.estimatedRevenue < 0)
  ) {
    return fail(
      'opportunity.revenue_invalid',
      'The estimated revenue must be an amount of zero or more.',
      'Il ricavo stimato deve essere un importo pari o superiore a zero.',
      'estimatedRevenue',
    );
  }
  const next: Opportunity =
    input.mode === 'user'
      ? { ...opportunity, revenueMode: 'user', estimatedRevenue: input.estimatedRevenue }
      : withRevenue({ ...opportunity, revenueMode: 'system' });
  return ok({ writes: [write('opportunity', { ...next, ...touched(ctx) })] });
};

/** Moves to another stage; forward moves pass the gates of every stage on the way. */
export const moveOpportunityStage = (
  opportunity: Opportunity,
  stage: OpportunityStage,
  ctx: RuleContext,
): Result<Effects> => {
  const open = requireOpenOpportunity(opportunity);
  if (!open.ok) return open;
  if (stage === opportunity.stage) return ok({ writes: [] });
  const gates = checkStageGates(opportunity, stage);
  if (!gates.ok) return gates;
  const event = 'opportunity.stage_changed';
  const activity = systemActivity(
    ctx,
    opportunityRegarding(opportunity),
    event,
    event,
    {
      from: opportunity.stage,
      to: stage,
      forward: stageIndex(stage) > stageIndex(opportunity.stage),
    },
    eventActivityId(opportunity, event),
  );
  const probability = probabilityAfterMove(opportunity.probability, opportunity.stage, stage);
  return ok({
    writes: [
      write('activity', activity),
      write('opportunity', { ...opportunity, ...touched(ctx), stage, probability }),
    ],
  });
};

export { opportunityRegarding } from './opportunity-gates';
export type { CloseAsLostInput, CloseAsWonInput, CloseContext } from './opportunity-close';
export {
  closeOpportunityAsLost,
  closeOpportunityAsWon,
  reopenOpportunity,
} from './opportunity-close';
