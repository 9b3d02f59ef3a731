import { afterEach, describe, expect, it } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
import { generateDataset } from '../../../shared/dataset';
import type { Opportunity } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import { openTestDatabase, uniqueName } from '../test-support';
import { exchangeRatesOf, pipelineTotals$, pipelineTotalsOf, savePipeline } from './pipeline';

let db: FairleadDatabase | undefined;
afterEach(async () => {
  if (db !== undefined && !db.closed) await db.remove();
});

const dataset = generateDataset({
  seed: 5,
  sellers: 3,
  teams: 1,
  leads: 0,
  accounts: 60,
  contacts: 0,
  opportunities: 400,
  quotes: 0,
  orders: 0,
  invoices: 0,
  activities: 0,
});

// The totals as a full rescan of the stored opportunities computes them.
const rescanned = async (store: FairleadDatabase, ownerId?: string) => {
  const open = (await store.opportunities.find({ selector: { state: 'open' } }).exec())
    .map((d) => d.toJSON() as Opportunity)
    .filter((o) => ownerId === undefined || o.ownerId === ownerId);
  return pipelineTotalsOf(open, exchangeRatesOf(dataset.refdata));
};

describe('pipeline totals kept without rescanning', () => {
  it('follow stage moves, wins and new opportunities, and come back after a restart', async () => {
    const name = uniqueName();
    db = await openTestDatabase(name, { devMode: false });
    await loadDataset(db, {
      refdata: dataset.refdata,
      account: dataset.accounts,
      opportunity: dataset.opportunities,
    });
    const first = await firstValueFrom(pipelineTotals$(db));
    expect(first).toEqual(await rescanned(db));
    expect(first.total).toBeGreaterThan(0);

    const open = await db.opportunities.find({ selector: { state: 'open' }, limit: 3 }).exec();
    const [moved, won, copied] = open;
    const stage = moved?.stage === 'close' ? 'qualify' : 'close';
    await moved?.incrementalPatch({ stage });
    await won?.incrementalPatch({ state: 'won' });
    await db.opportunities.insert({
      ...(copied?.toJSON() as Opportunity),
      id: 'fresh-opportunity',
      estimatedRevenue: 1_234_500,
    });
    const expected = await rescanned(db);
    const followed = await firstValueFrom(
      pipelineTotals$(db).pipe(filter((t) => t.total === expected.total)),
    );
    expect(followed).toEqual(expected);
    const owner = dataset.opportunities[0]?.ownerId as string;
    expect(await firstValueFrom(pipelineTotals$(db, { ownerId: owner }))).toEqual(
      await rescanned(db, owner),
    );

    await savePipeline(db);
    await moved?.incrementalPatch({ estimatedRevenue: 999_900 });
    await db.close();
    db = await openTestDatabase(name, { devMode: false });
    expect(await firstValueFrom(pipelineTotals$(db))).toEqual(await rescanned(db));
  });
});
