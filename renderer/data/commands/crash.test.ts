// A crash between two writes of a command: interrupt it after each of its writes, re-run it,
// and find exactly the documents of one clean run (nothing missing, nothing twice).
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/context';
import { collectionNames } from '../../../shared/domain/records';
import { priceList, product } from '../../../shared/domain/test-fixtures';
import type { FairleadDatabase } from '../database';
import { loadDataset } from '../load';
import { readNumbering, setupNumbering } from '../numbering-store';
import { countingIds, openTestDatabase, steppingClock, unwrap } from '../test-support';
import type { DocumentWriter } from '../write';
import { upsertWrite } from '../write';
import type { CommandResult, FairleadCommands } from './index';
import { createCommands } from './index';

const seller: Actor = { userId: 'user-seller', role: 'seller', teamId: 'team-north' };
const CRASH_AT = '2026-12-01T10:00:00.000Z';

type Scenario = {
  /** Brings a fresh store to the state before the command; answers the command's target. */
  setup: (c: FairleadCommands) => Promise<string>;
  run: (c: FairleadCommands, id: string) => Promise<CommandResult<unknown>>;
};

const qualifiedOpportunity = async (c: FairleadCommands): Promise<string> => {
  const lead = unwrap(
    await c.lead.create({
      firstName: 'Nicolò',
      lastName: 'Rossi',
      company: 'Rossi Spa',
      topic: 'Linea',
    }),
  );
  const q = unwrap(await c.lead.qualify({ id: lead.id }));
  const id = q.opportunityId as string;
  unwrap(
    await c.opportunity.update({
      id,
      patch: { priceListId: 'pl-eur', estimatedCloseDate: '2026-12-31' },
    }),
  );
  unwrap(
    await c.opportunity.addLine({
      id,
      line: { kind: 'catalog', productId: 'p-1', quantity: 3, discount: 0 },
    }),
  );
  return id;
};

const activeQuote = async (c: FairleadCommands): Promise<string> => {
  const opportunityId = await qualifiedOpportunity(c);
  const quote = unwrap(await c.quote.create({ opportunityId, id: 'quote-1' }));
  unwrap(await c.quote.activate({ id: quote.id }));
  return quote.id;
};

const fulfilledOrder = async (c: FairleadCommands): Promise<string> => {
  const order = unwrap(await c.quote.createOrder({ id: await activeQuote(c) }));
  unwrap(await c.order.fulfil({ id: order.id, fulfilledDate: '2026-12-01' }));
  return order.id;
};

const scenarios: Record<string, Scenario> = {
  'qualify lead': {
    setup: async (c) =>
      unwrap(
        await c.lead.create({
          firstName: 'Ada',
          lastName: 'Neri',
          company: 'Neri Srl',
          email: 'ada@neri.it',
        }),
      ).id,
    run: (c, id) => c.lead.qualify({ id }),
  },
  'create quote': {
    setup: qualifiedOpportunity,
    run: (c, opportunityId) => c.quote.create({ opportunityId, id: 'quote-x' }),
  },
  'revise quote': { setup: activeQuote, run: (c, id) => c.quote.revise({ id }) },
  'create order': { setup: activeQuote, run: (c, id) => c.quote.createOrder({ id }) },
  'create invoice': { setup: fulfilledOrder, run: (c, id) => c.order.createInvoice({ id }) },
  'close opportunity as won': {
    setup: async (c) => {
      const quoteId = await activeQuote(c);
      const order = unwrap(await c.quote.createOrder({ id: quoteId }));
      return order.opportunityId as string;
    },
    run: (c, id) => c.opportunity.closeAsWon({ id }),
  },
};

const opened: FairleadDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.remove();
});

// A fresh store brought to the scenario's starting state, and commands whose clock stops
// at CRASH_AT for the command under test (so a re-run computes the same documents).
const prepare = async (scenario: Scenario, writer: DocumentWriter) => {
  const db = await openTestDatabase();
  opened.push(db);
  await loadDataset(db, {
    product: [product('p-1', 'RACK-1')],
    pricelist: [priceList('pl-eur', [{ productId: 'p-1', unitPrice: 99_900 }])],
  });
  await setupNumbering(db, 'CD');
  const stepping = steppingClock();
  let frozen = false;
  const options = { clock: () => (frozen ? CRASH_AT : stepping()), newId: countingIds() };
  const target = await scenario.setup(createCommands(db, seller, options));
  frozen = true;
  return {
    db,
    target,
    crashing: createCommands(db, seller, { ...options, writer }),
    normal: createCommands(db, seller, options),
  };
};

const snapshot = async (db: FairleadDatabase) => {
  const out: Record<string, unknown[]> = {};
  for (const name of Object.values(collectionNames)) {
    const docs = await db[name].find({ sort: [{ id: 'asc' }] }).exec();
    out[name] = docs.map((d) => d.toMutableJSON(false));
  }
  return { docs: out, numbering: await readNumbering(db) };
};

class Crash extends Error {}

describe('crash safety of multi-document commands', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`${name}: a re-run after a crash after each write equals one clean run`, async () => {
      let writes = 0;
      const clean = await prepare(scenario, async (db, w, i) => {
        writes++;
        await upsertWrite(db, w, i);
      });
      unwrap(await scenario.run(clean.crashing, clean.target));
      expect(writes).toBeGreaterThan(1);
      const expected = await snapshot(clean.db);
      await clean.db.remove();
      opened.splice(opened.indexOf(clean.db), 1);

      for (let crashAfter = 1; crashAfter < writes; crashAfter++) {
        let done = 0;
        const run = await prepare(scenario, async (db, w, i) => {
          if (done >= crashAfter) throw new Crash(`killed after ${crashAfter} writes`);
          done++;
          await upsertWrite(db, w, i);
        });
        const interrupted = await scenario.run(run.crashing, run.target);
        expect(interrupted.ok, `crash after ${crashAfter}`).toBe(false);
        unwrap(await scenario.run(run.normal, run.target));
        expect(await snapshot(run.db), `crash after ${crashAfter} of ${writes}`).toEqual(expected);
        await run.db.remove();
        opened.splice(opened.indexOf(run.db), 1);
      }
    }, 120_000);
  }
});
