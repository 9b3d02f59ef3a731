// The device's numbering state lives in a local document (never replicated). Before each
// allocation it is raised to the highest number already written in the store, so a crash
// between writing a document and saving the state never reuses a number.
import type { NumberingState } from '../../shared/domain/numbering';
import { initialNumbering, reconcileNumbering } from '../../shared/domain/numbering';
import type { NumberingHighWater } from '../../shared/sync/protocol';
import type { FairleadDatabase } from './database';

export const NUMBERING_DOC = 'numbering';

type NumberingDoc = { state: NumberingState };

/** The saved state, or null before the device got its series at first sign-in. */
export const readNumbering = async (db: FairleadDatabase): Promise<NumberingState | null> => {
  const doc = await db.getLocal<NumberingDoc>(NUMBERING_DOC);
  if (doc === null) return null;
  // States saved before credit notes existed have no creditNote counters.
  const saved = doc.get('state') as Omit<NumberingState, 'creditNote'> & {
    creditNote?: NumberingState['creditNote'];
  };
  return { ...saved, creditNote: saved.creditNote ?? {} };
};

export const saveNumbering = async (db: FairleadDatabase, state: NumberingState): Promise<void> => {
  await db.upsertLocal<NumberingDoc>(NUMBERING_DOC, { state });
};

/**
 * Sets the device's series at sign-in, starting after the server's high-water marks and
 * after anything already in the store. Keeps the counters when the series is unchanged.
 */
export const setupNumbering = async (
  db: FairleadDatabase,
  series: string,
  highWater?: NumberingHighWater,
): Promise<NumberingState> => {
  const saved = await readNumbering(db);
  const fresh = initialNumbering(series, highWater);
  const base =
    saved !== null && saved.series === series
      ? {
          ...fresh,
          quote: Math.max(fresh.quote, saved.quote),
          order: Math.max(fresh.order, saved.order),
          invoice: mergeMax(fresh.invoice, saved.invoice),
          creditNote: mergeMax(fresh.creditNote, saved.creditNote),
        }
      : fresh;
  const state = await reconcileWithStore(db, base, new Date().toISOString());
  await saveNumbering(db, state);
  return state;
};

const mergeMax = (
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> => {
  const out: Record<string, number> = { ...a };
  for (const [year, seq] of Object.entries(b)) out[year] = Math.max(out[year] ?? 0, seq);
  return out;
};

// Highest number of a prefix. Numbers are zero-padded to 5 digits, so within one series the
// text order is the numeric order up to 99 999.
const highestNumber = async (
  db: FairleadDatabase,
  collection: 'quotes' | 'orders' | 'invoices',
  prefix: string,
): Promise<string[]> => {
  const docs = await db[collection]
    .find({
      selector: { number: { $gte: prefix, $lt: `${prefix}\uffff` } },
      sort: [{ number: 'desc' }],
      limit: 1,
    })
    .exec();
  return docs.map((d) => d.number);
};

/** The state raised to the numbers already used in the store for its series. */
export const reconcileWithStore = async (
  db: FairleadDatabase,
  state: NumberingState,
  now: string,
): Promise<NumberingState> => {
  const series = state.series;
  const years = new Set([
    now.slice(0, 4),
    ...Object.keys(state.invoice),
    ...Object.keys(state.creditNote),
  ]);
  const used = [
    ...(await highestNumber(db, 'quotes', `Q-${series}-`)),
    ...(await highestNumber(db, 'orders', `ORD-${series}-`)),
  ];
  for (const year of years) {
    used.push(...(await highestNumber(db, 'invoices', `INV/${year}/${series}/`)));
    used.push(...(await highestNumber(db, 'invoices', `NC/${year}/${series}/`)));
  }
  return reconcileNumbering(state, used);
};
