// Pipeline totals per stage of the open opportunities, in the base currency (EUR) with the
// office's exchange rates from reference data. The open opportunities' amounts are kept as
// derived state (derived/projection.ts): saved in the store, followed change by change, so
// the totals never rescan the opportunities, at start-up or after an edit.
import type { RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { combineLatest, from, map, switchMap } from 'rxjs';
import type { ExchangeRates } from '../../../shared/domain/exchange';
import { convertToBase } from '../../../shared/domain/exchange';
import type { Opportunity, OpportunityStage, Refdata } from '../../../shared/domain/records';
import { opportunityStages } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import type { LiveProjection } from '../derived/projection';
import { openProjection } from '../derived/projection';
import { plain } from './shared';

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
export const exchangeRatesOf = (
  refdata: readonly Refdata[],
  base = BASE_CURRENCY,
): ExchangeRates => {
  const rates: Record<string, number> = {};
  for (const r of refdata) {
    const rate = r.data['rate'];
    const rateBase = r.data['base'] ?? base;
    if (r.kind === 'exchange_rate' && typeof rate === 'number' && rateBase === base)
      rates[r.key] = rate;
  }
  return { base, rates };
};

/** What an open opportunity adds to the pipeline. */
export type PipelineEntry = Pick<
  Opportunity,
  'ownerId' | 'stage' | 'currency' | 'estimatedRevenue' | 'probability'
>;

export const pipelineTotalsOf = (
  opportunities: Iterable<PipelineEntry>,
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

// Raised when PipelineEntry changes.
const FORMAT = 1;

const entryOf = (doc: Record<string, unknown>): PipelineEntry | null => {
  const o = doc as unknown as Opportunity;
  if (o.state !== 'open') return null;
  const { ownerId, stage, currency, estimatedRevenue, probability } = o;
  return { ownerId, stage, currency, estimatedRevenue, probability };
};

const pipelines = new WeakMap<FairleadDatabase, LiveProjection<PipelineEntry>>();

const openPipeline = (db: FairleadDatabase): LiveProjection<PipelineEntry> => {
  let live = pipelines.get(db);
  if (live === undefined) {
    live = openProjection(db, db.opportunities as unknown as RxCollection, {
      key: 'fairlead-pipeline',
      format: FORMAT,
      valueOf: entryOf,
    });
    pipelines.set(db, live);
    db.onClose.push(() => pipelines.delete(db));
  }
  return live;
};

/** Reads the pipeline back now (at start-up) rather than when the board opens. */
export const preparePipeline = (db: FairleadDatabase): Promise<void> => openPipeline(db).ready;

/** Saves what the pipeline has not saved yet (before closing the store, in tests). */
export const savePipeline = (db: FairleadDatabase): Promise<void> => openPipeline(db).flush();

function* ofOwners(entries: Iterable<PipelineEntry>, owners: ReadonlySet<string> | null) {
  for (const e of entries) if (owners === null || owners.has(e.ownerId)) yield e;
}

/** Live pipeline of the open opportunities, optionally of some owners (a team). */
export const pipelineTotals$ = (
  db: FairleadDatabase,
  query: { ownerId?: string | readonly string[] } = {},
): Observable<PipelineTotals> => {
  const live = openPipeline(db);
  const owners =
    query.ownerId === undefined
      ? null
      : new Set(typeof query.ownerId === 'string' ? [query.ownerId] : query.ownerId);
  const version$ = from(live.ready).pipe(switchMap(() => live.version$));
  return combineLatest([
    version$,
    plain(db.refdata.find({ selector: { kind: 'exchange_rate' } }).$),
  ]).pipe(
    map(([, refdata]) =>
      pipelineTotalsOf(ofOwners(live.values.values(), owners), exchangeRatesOf(refdata)),
    ),
  );
};
