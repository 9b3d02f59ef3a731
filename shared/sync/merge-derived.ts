// Derived values after a merge: when the inputs of a value survived intact from one side,
// that side's value is kept; when they were merged from both sides, it is recomputed with
// the same money rules the commands use (DESIGN.md §3).
import { computeTotals, lineAmount } from '../domain/money';
import type { HeaderDiscount, Line } from '../domain/records';
import type { MergeConflict } from './merge-values';
import { deepEqual } from '../deep-equal';
import { mergeValue } from './merge-values';

type Doc = Record<string, unknown>;
type LineLike = Record<string, unknown> & { id: string };

const MAX_SEARCH_TERMS = 40;
const TOTALS_INPUTS = ['lines', 'headerDiscount', 'freight', 'freightVatRate'] as const;

const inputsOf = (doc: Doc, keys: readonly string[]): Doc =>
  Object.fromEntries(keys.map((k) => [k, doc[k]]));

const linesOf = (doc: Doc): LineLike[] =>
  Array.isArray(doc.lines) ? (doc.lines as LineLike[]) : [];

const withoutAmount = (line: LineLike | undefined): Doc | undefined => {
  if (line === undefined) return undefined;
  const { amount: _amount, ...rest } = line;
  return rest;
};

const fixLineAmounts = (local: Doc, master: Doc, merged: Doc): void => {
  if (!Array.isArray(merged.lines)) return;
  const l = new Map(linesOf(local).map((x) => [x.id, x]));
  const m = new Map(linesOf(master).map((x) => [x.id, x]));
  merged.lines = (merged.lines as LineLike[]).map((line) => {
    const inputs = withoutAmount(line);
    const ll = l.get(line.id);
    const ml = m.get(line.id);
    if (ll !== undefined && deepEqual(inputs, withoutAmount(ll)))
      return { ...line, amount: ll.amount };
    if (ml !== undefined && deepEqual(inputs, withoutAmount(ml)))
      return { ...line, amount: ml.amount };
    const { unitPrice, quantity, discount } = line;
    if (
      typeof unitPrice !== 'number' ||
      typeof quantity !== 'number' ||
      typeof discount !== 'number'
    ) {
      return line;
    }
    return { ...line, amount: lineAmount(unitPrice, quantity, discount) };
  });
};

const fixTotals = (local: Doc, master: Doc, merged: Doc): void => {
  if (!('totals' in local) && !('totals' in master)) return;
  const inputs = inputsOf(merged, TOTALS_INPUTS);
  if (deepEqual(inputs, inputsOf(local, TOTALS_INPUTS))) merged.totals = local.totals;
  else if (deepEqual(inputs, inputsOf(master, TOTALS_INPUTS))) merged.totals = master.totals;
  else {
    try {
      merged.totals = computeTotals({
        lines: linesOf(merged) as unknown as Line[],
        headerDiscount: (merged.headerDiscount ?? null) as HeaderDiscount | null,
        freight: typeof merged.freight === 'number' ? merged.freight : 0,
        freightVatRate: typeof merged.freightVatRate === 'number' ? merged.freightVatRate : 0,
      });
    } catch {
      // Inputs the money rules refuse: keep the master's totals and let the server judge.
      merged.totals = master.totals;
    }
  }
};

const fixRevenue = (
  base: Doc | null,
  local: Doc,
  master: Doc,
  merged: Doc,
  conflicts: MergeConflict[],
): void => {
  if (!('estimatedRevenue' in local) && !('estimatedRevenue' in master)) return;
  if (merged.revenueMode !== 'system') {
    // Typed in by a person: an ordinary field.
    merged.estimatedRevenue = mergeValue(
      'estimatedRevenue',
      base?.estimatedRevenue,
      local.estimatedRevenue,
      master.estimatedRevenue,
      conflicts,
    );
    return;
  }
  if (deepEqual(merged.lines, local.lines)) merged.estimatedRevenue = local.estimatedRevenue;
  else if (deepEqual(merged.lines, master.lines)) merged.estimatedRevenue = master.estimatedRevenue;
  else {
    merged.estimatedRevenue = linesOf(merged).reduce(
      (sum, line) => sum + (typeof line.amount === 'number' ? line.amount : 0),
      0,
    );
  }
};

const mergeSearchTerms = (base: Doc | null, local: Doc, master: Doc, merged: Doc): void => {
  if (!('searchTerms' in local) && !('searchTerms' in master)) return;
  const l = local.searchTerms;
  const m = master.searchTerms;
  const b = base?.searchTerms;
  if (deepEqual(l, m) || deepEqual(l, b) || !Array.isArray(l)) merged.searchTerms = m;
  else if (deepEqual(m, b) || !Array.isArray(m)) merged.searchTerms = l;
  // Both sides renamed something: search by the words of either.
  else merged.searchTerms = [...new Set([...m, ...l])].slice(0, MAX_SEARCH_TERMS);
};

/** Fills the derived fields of `merged` (mutates it; it is the merge's own object). */
export const recomputeDerived = (
  base: Doc | null,
  local: Doc,
  master: Doc,
  merged: Doc,
  conflicts: MergeConflict[],
): void => {
  fixLineAmounts(local, master, merged);
  fixTotals(local, master, merged);
  fixRevenue(base, local, master, merged, conflicts);
  mergeSearchTerms(base, local, master, merged);
};
