// The team's open pipeline by stage and by seller, in the base currency: estimated revenue
// and weighted revenue (estimated revenue × probability).
import type { ExchangeRates } from '../domain/exchange';
import type { Opportunity, OpportunityStage } from '../domain/records';
import { opportunityStages } from '../domain/records';
import { addTo, emptySum, groupBy, inBase, sortedMissing, weightedAmount } from './base-sum';

export type PipelineRow = {
  count: number;
  /** Estimated revenue, minor units of the base currency. */
  amount: number;
  /** Σ estimated revenue × probability, minor units of the base currency. */
  weighted: number;
};
export type StageRow = PipelineRow & { stage: OpportunityStage };
export type SellerPipelineRow = PipelineRow & { ownerId: string };
export type Figures<Row> = { currency: string; rows: Row[]; missingRates: string[] };

type Pipelined = Pick<
  Opportunity,
  'state' | 'stage' | 'ownerId' | 'estimatedRevenue' | 'currency' | 'probability'
>;

const rowOf = (opportunities: readonly Pipelined[], rates: ExchangeRates, missing: Set<string>) => {
  const amount = emptySum();
  const weighted = emptySum();
  for (const o of opportunities) {
    addTo(amount, o.estimatedRevenue, o.currency);
    addTo(weighted, weightedAmount(o.estimatedRevenue, o.probability), o.currency);
  }
  return {
    count: opportunities.length,
    amount: inBase(amount, rates, missing),
    weighted: inBase(weighted, rates, missing),
  };
};

const openOnly = <T extends Pipelined>(opportunities: readonly T[]): T[] =>
  opportunities.filter((o) => o.state === 'open');

/** Open opportunities per stage, every stage listed in process order. */
export const pipelineByStage = (
  opportunities: readonly Pipelined[],
  rates: ExchangeRates,
): Figures<StageRow> => {
  const missing = new Set<string>();
  const byStage = groupBy(openOnly(opportunities), (o) => o.stage);
  const rows = opportunityStages.map((stage) => ({
    stage,
    ...rowOf(byStage.get(stage) ?? [], rates, missing),
  }));
  return { currency: rates.base, rows, missingRates: sortedMissing(missing) };
};

/** Open opportunities per owner, the largest pipeline first. */
export const pipelineBySeller = (
  opportunities: readonly Pipelined[],
  rates: ExchangeRates,
): Figures<SellerPipelineRow> => {
  const missing = new Set<string>();
  const rows = [...groupBy(openOnly(opportunities), (o) => o.ownerId)].map(([ownerId, group]) => ({
    ownerId,
    ...rowOf(group, rates, missing),
  }));
  rows.sort((a, b) => b.amount - a.amount || (a.ownerId < b.ownerId ? -1 : 1));
  return { currency: rates.base, rows, missingRates: sortedMissing(missing) };
};
