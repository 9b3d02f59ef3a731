// The dashboard reads sums kept change by change in the real store; after each kind of change
// (a command's create, edit, stage change, closing won and lost, deletion, a change pulled
// from the server) and after the store is reopened, they read what a full read of every
// record computes.
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../shared/dataset';
import type { Period } from '../../../shared/dashboard';
import type { Actor } from '../../../shared/domain/context';
import { createStoreQueries } from '../../app/store-queries';
import { createCommands } from '../../data/commands/index';
import type { FairleadDatabase } from '../../data/database';
import { dashboardLoadedFrom, saveDashboard } from '../../data/queries/dashboard';
import { loadDataset } from '../../data/load';
import { openTestDatabase, uniqueName, unwrap } from '../../data/test-support';
import type { DashboardFigures } from './queries';
import { dashboardFigures, keptFigures } from './queries';

const seller: Actor = { userId: 'user-seller', role: 'seller', teamId: null };
const now = new Date('2026-12-01T09:00:00.000Z');
const periods: Period[] = ['month', 'quarter', 'year'];

const open: FairleadDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) if (!db.closed) await db.remove();
});

const openStore = async (name: string) => {
  const db = await openTestDatabase(name, { devMode: false });
  open.push(db);
  return db;
};

const withoutNames = ({ sellerName: _names, ...figures }: DashboardFigures) => figures;

const expectKeptEqualsFull = async (db: FairleadDatabase) => {
  const queries = createStoreQueries(db);
  const records = await firstValueFrom(queries.teamRecords());
  // The kept sums have followed every write once the store has emitted it.
  const source = await firstValueFrom(queries.dashboard());
  for (const period of periods) {
    expect(withoutNames(keptFigures(source, period, now))).toEqual(
      withoutNames(dashboardFigures(records, period, now)),
    );
  }
  return keptFigures(source, 'quarter', now);
};

describe('the dashboard kept in the store', () => {
  it('follows every kind of change and reads back after a restart', async () => {
    const name = uniqueName();
    let db = await openStore(name);
    const dataset = generateDataset({
      seed: 23,
      sellers: 4,
      teams: 1,
      leads: 120,
      accounts: 60,
      contacts: 60,
      opportunities: 80,
      quotes: 0,
      orders: 20,
      invoices: 30,
      activities: 120,
    });
    await loadDataset(db, {
      refdata: dataset.refdata,
      lead: dataset.leads,
      opportunity: dataset.opportunities,
      invoice: dataset.invoices,
      activity: dataset.activities,
    });
    const before = await expectKeptEqualsFull(db);
    expect(dashboardLoadedFrom(db)).toEqual(['scan', 'scan', 'scan', 'scan']);

    // Created at the fair, qualified, moved on, edited, closed won; another closed lost.
    const commands = createCommands(db, seller);
    const lead = unwrap(
      await commands.lead.create({
        firstName: 'Davide',
        lastName: 'Cruscotto',
        company: 'Cruscotti Srl',
        email: 'davide@cruscotti.example',
      }),
    );
    await expectKeptEqualsFull(db);
    const qualified = unwrap(await commands.lead.qualify({ id: lead.id })).opportunityId;
    if (qualified === null) throw new Error('qualifying made no opportunity');
    const opportunityId = qualified;
    await expectKeptEqualsFull(db);
    unwrap(await commands.opportunity.moveStage({ id: opportunityId, stage: 'develop' }));
    unwrap(
      await commands.opportunity.setRevenueMode({
        id: opportunityId,
        revenue: { mode: 'user', estimatedRevenue: 1_234_50 },
      }),
    );
    unwrap(
      await commands.opportunity.update({
        id: opportunityId,
        patch: { estimatedCloseDate: '2026-12-20' },
      }),
    );
    await expectKeptEqualsFull(db);
    unwrap(await commands.opportunity.closeAsWon({ id: opportunityId, actualRevenue: 2_000_00 }));
    const won = await expectKeptEqualsFull(db);
    expect(won.funnel.find((r) => r.step === 'won')?.count).toBe(
      (before.funnel.find((r) => r.step === 'won')?.count ?? 0) + 1,
    );

    const other = unwrap(
      await commands.lead.create({ firstName: 'Lia', lastName: 'Persa', company: 'Persa Srl' }),
    );
    const lost = unwrap(await commands.lead.qualify({ id: other.id })).opportunityId ?? '';
    unwrap(await commands.opportunity.closeAsLost({ id: lost, status: 'out_sold' }));
    await expectKeptEqualsFull(db);

    // Deleted: a lead by its command, an opportunity and an activity as a sync would.
    const spare = unwrap(await commands.lead.create({ firstName: 'Tolto', lastName: 'Via' }));
    unwrap(await commands.lead.remove({ id: spare.id }));
    await (await db.opportunities.findOne().exec())?.remove();
    await (await db.activities.findOne({ selector: { type: { $ne: 'system' } } }).exec())?.remove();
    await expectKeptEqualsFull(db);

    // A colleague's deal won on another device, arriving by sync.
    const remote = (await db.opportunities.findOne({ selector: { state: 'open' } }).exec())?.toJSON(
      true,
    );
    if (remote === undefined) throw new Error('no open opportunity');
    await db.opportunities.storageInstance.bulkWrite(
      [
        {
          previous: remote as never,
          document: {
            ...remote,
            state: 'won',
            status: 'won',
            stage: 'close',
            probability: 100,
            actualRevenue: remote.estimatedRevenue,
            actualCloseDate: '2026-11-28',
            _rev: `${Number(remote._rev.split('-')[0]) + 1}-remote`,
            _meta: { lwt: Date.now() },
          } as never,
        },
      ],
      'replication-downstream-test',
    );
    await expectKeptEqualsFull(db);

    // Reopened: the saved entries are read back with the changes made after the last save.
    await saveDashboard(db);
    for (const kind of ['opportunity', 'lead', 'activity', 'invoice']) {
      expect((await db.getLocal(`fairlead-dashboard-${kind}-head`))?.toJSON().data).toMatchObject({
        format: 1,
      });
    }
    await (
      await db.leads.findOne().exec()
    )?.incrementalPatch({ state: 'disqualified', status: 'lost' });
    await db.close();
    db = await openStore(name);
    const reopened = await expectKeptEqualsFull(db);
    expect(dashboardLoadedFrom(db)).toEqual(['saved', 'saved', 'saved', 'saved']);
    expect(reopened.forecast.rows.length).toBeGreaterThan(0);
  });
});
