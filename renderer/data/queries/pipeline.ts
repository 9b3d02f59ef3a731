// Pipeline totals per stage of the open opportunities, in the base currency (EUR) with the
// office's exchange rates from reference data.
import type { Observable } from 'rxjs';
import { combineLatest, map } from 'rxjs';
import type { ExchangeRates } from '../../../shared/domain/exchange';
import { convertToBase } from '../../../shared/domain/exchange';
import type { Opportunity, OpportunityStage, Refdata } from '../../../shared/domain/records';
import { opportunityStages } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { filter, plain } from './shared';

export const BASE_CURRENCY = 'EUR';

export type StageTotal = {
  stage: OpportunityStage;
  count: number;
  /** Estimated revenue in minor units of the base currency. */
  total: number;
  /** Probability-weighted estimated revenue, minor units of the base currency. */
  weighted: number;
};

export type PipelineTotals = {
  currency: string;
  stages: StageTotal[];
  total: number;
  /** Currencies with no exchange rate: their opportunities are left out of the totals. */
  missingRates: string[];
};

/** Exchange rates (units per base unit) from the office's reference data. */
export const exchangeRatesOf = (refdata: readonly Refdata[], base = BASE_CURRENCY): ExchangeRates => {
  const rates: Record<string, number> = {};
  for (const r of refdata) {
    const rate = r.data['rate'];
    const rateBase = r.data['base'] ?? base;
    if (r.kind === 'exchange_rate' && typeof rate === 'number' && rateBase === base) rates[r.key] = rate;
  }
  return { base, rates };
};

export const pipelineTotalsOf = (
  opportunities: readonly Opportunity[],
  rates: ExchangeRates,
): PipelineTotals => {
  const stages = opportunityStages.map((stage) => ({ stage, count: 0, total: 0, weighted: 0 }));
  const missing = new Set<string>();
  for (const o of opportunities) {
    const converted = convertToBase(o.estimatedRevenue, o.currency, rates);
    if (!converted.ok) {
      missing.add(o.currency);
      continue;
    }
    const row = stages.find((s) => s.stage === o.stage);
    if (row === undefined) continue;
    row.count += 1;
    row.total += converted.value;
    row.weighted += Math.round((converted.value * o.probability) / 100);
  }
  return {
    currency: rates.base,
    stages,
    total: stages.reduce((sum, s) => sum + s.total, 0),
    missingRates: [...missing].sort(),
  };
};

/** Live pipeline of the open opportunities, optionally of one owner. */
export const pipelineTotals$ = (
  db: FairleadDatabase,
  query: { ownerId?: string } = {},
): Observable<PipelineTotals> =>
  combineLatest([
    plain(db.opportunities.find({ selector: { state: 'open', ...filter('ownerId', query.ownerId) } }).$),
    plain(db.refdata.find({ selector: { kind: 'exchange_rate' } }).$),
  ]).pipe(map(([opportunities, refdata]) => pipelineTotalsOf(opportunities, exchangeRatesOf(refdata))));
