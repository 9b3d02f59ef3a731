import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTotals, lineAmount } from '../domain/money';
import type { Lead, Line, Quote } from '../domain/records';
import { quoteStates } from '../domain/records';
import { compareLifecycle, lifecycleOrder } from './lifecycle-order';
import { mergeRecord } from './merge';
import { deepEqual } from '../deep-equal';

type Wire<T> = T & { _deleted: boolean };

// ---- generators: a base quote and two independent offline edits of it -----------------
const statePairs: [Quote['state'], Quote['status']][] = [
  ['draft', 'in_progress'],
  ['active', 'open'],
  ['won', 'won'],
  ['closed', 'lost'],
  ['closed', 'revised'],
];
const small = <T>(...values: T[]) => fc.constantFrom(...values);

const lineArb = (id: string): fc.Arbitrary<Line> =>
  fc
    .record({
      name: small('Bolt', 'Nut', 'Crane'),
      quantity: small(1, 2, 2.5),
      unitPrice: small(100, 999, 12345),
      discount: small(0, 50),
      vatRate: small(2200, 1000),
    })
    .map((l) => ({
      id,
      productId: null,
      sku: '',
      description: '',
      unit: 'pc',
      ...l,
      amount: lineAmount(l.unitPrice, l.quantity, l.discount),
    }));

const withTotals = (q: Omit<Quote, 'totals'>): Quote => ({
  ...q,
  totals: computeTotals(q),
});

const baseQuoteArb: fc.Arbitrary<Wire<Quote>> = fc
  .record({
    lines: fc.tuple(lineArb('l1'), lineArb('l2'), lineArb('l3')),
    step: fc.constantFrom(...statePairs),
    topic: small('Cranes', 'Bolts'),
  })
  .map(({ lines, step, topic }) => ({
    ...withTotals({
      id: 'q1',
      ownerId: 'u1',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'u1',
      number: 'Q-AB-1',
      revisionNumber: 0,
      name: topic,
      opportunityId: null,
      accountId: null,
      contactId: null,
      currency: 'EUR',
      priceListId: null,
      lines,
      headerDiscount: null,
      freight: 0,
      freightVatRate: 2200,
      validFrom: null,
      validTo: null,
      paymentTerms: '30 days',
      deliveryTerms: 'EXW',
      state: step[0],
      status: step[1],
      previousQuoteId: null,
    }),
    _deleted: false,
  }));

const editArb = (base: Wire<Quote>, who: string, at: string): fc.Arbitrary<Wire<Quote>> =>
  fc
    .record({
      name: fc.option(small('Cranes', 'Bolts', 'Hoists')),
      paymentTerms: fc.option(small('60 days', 'cash')),
      freight: fc.option(small(0, 500)),
      headerDiscount: fc.option(small({ kind: 'percent' as const, value: 500 }, null)),
      step: fc.option(fc.constantFrom(...statePairs)),
      lineOps: fc.array(fc.constantFrom('keep', 'delete', 'quantity', 'price'), {
        minLength: 3,
        maxLength: 3,
      }),
      added: fc.option(lineArb(`${who}-new`)),
      addedShared: fc.option(lineArb('shared-new')),
    })
    .map((e) => {
      const lines: Line[] = [];
      base.lines.forEach((line, i) => {
        const op = e.lineOps[i];
        if (op === 'delete') return;
        if (op === 'quantity') lines.push({ ...line, quantity: line.quantity + 1 });
        else if (op === 'price') lines.push({ ...line, unitPrice: line.unitPrice + 7 });
        else lines.push(line);
      });
      if (e.added !== null) lines.push(e.added);
      if (e.addedShared !== null) lines.push(e.addedShared);
      const fixed = lines.map((l) => ({
        ...l,
        amount: lineAmount(l.unitPrice, l.quantity, l.discount),
      }));
      const next = {
        ...base,
        name: e.name ?? base.name,
        paymentTerms: e.paymentTerms ?? base.paymentTerms,
        freight: e.freight ?? base.freight,
        headerDiscount: e.headerDiscount === null ? base.headerDiscount : e.headerDiscount,
        state: e.step?.[0] ?? base.state,
        status: e.step?.[1] ?? base.status,
        lines: fixed,
      };
      const changed = !deepEqual(next, base);
      return {
        ...withTotals(next),
        _deleted: false,
        updatedAt: changed ? at : base.updatedAt,
        updatedBy: changed ? who : base.updatedBy,
      };
    });

const scenarioArb = baseQuoteArb.chain((base) =>
  fc.record({
    base: fc.constant(base),
    local: editArb(base, 'local', '2026-01-03T00:00:00.000Z'),
    master: editArb(base, 'master', '2026-01-02T00:00:00.000Z'),
  }),
);

const PLAIN_FIELDS = ['name', 'paymentTerms', 'freight', 'headerDiscount'] as const;
const quoteRank = lifecycleOrder.quote!;
const runs = { numRuns: 300 };

describe('mergeRecord (property)', () => {
  it('is deterministic and leaves its inputs untouched', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, local, master }) => {
        const snapshot = structuredClone({ base, local, master });
        const a = mergeRecord({ type: 'quote', base, local, master });
        const b = mergeRecord({ type: 'quote', base, local, master });
        expect(a).toEqual(b);
        expect({ base, local, master }).toEqual(snapshot);
      }),
      runs,
    );
  });

  it('keeps every field changed on one side only', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, local, master }) => {
        const { merged } = mergeRecord({ type: 'quote', base, local, master });
        for (const f of PLAIN_FIELDS) {
          if (deepEqual(local[f], base[f])) expect(merged[f]).toEqual(master[f]);
          if (deepEqual(master[f], base[f])) expect(merged[f]).toEqual(local[f]);
        }
        // Line fields changed on one side only, and lines added on either side, survive.
        for (const side of [local, master]) {
          const other = side === local ? master : local;
          for (const line of side.lines) {
            const b = base.lines.find((x) => x.id === line.id);
            const o = other.lines.find((x) => x.id === line.id);
            const m = merged.lines.find((x) => x.id === line.id);
            if (b === undefined && o === undefined) expect(m).toEqual(line);
            if (b !== undefined && o !== undefined && m !== undefined) {
              for (const k of ['quantity', 'unitPrice'] as const) {
                if (line[k] !== b[k] && o[k] === b[k]) expect(m[k]).toBe(line[k]);
              }
            }
          }
        }
      }),
      runs,
    );
  });

  it('keeps derived amounts and totals consistent with the merged lines', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, local, master }) => {
        const { merged } = mergeRecord({ type: 'quote', base, local, master });
        for (const l of merged.lines) {
          expect(l.amount).toBe(lineAmount(l.unitPrice, l.quantity, l.discount));
        }
        expect(merged.totals).toEqual(computeTotals(merged));
      }),
      runs,
    );
  });

  it('never moves the lifecycle backwards when both sides moved it', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, local, master }) => {
        const { merged, conflicts } = mergeRecord({ type: 'quote', base, local, master });
        const step = (q: Quote) => ({ state: q.state, status: q.status });
        // The result is always one side's step, never a mix of state and status.
        expect([step(local), step(master)]).toContainEqual(step(merged));
        const lMoved = !deepEqual(step(local), step(base));
        const mMoved = !deepEqual(step(master), step(base));
        if (lMoved && mMoved) {
          expect(compareLifecycle(quoteRank, merged, local)).toBeGreaterThanOrEqual(0);
          expect(compareLifecycle(quoteRank, merged, master)).toBeGreaterThanOrEqual(0);
          if (!deepEqual(step(local), step(master))) {
            expect(conflicts.some((c) => c.path === 'state' || c.path === 'status')).toBe(true);
          }
        }
        const forwardOnly =
          compareLifecycle(quoteRank, local, base) >= 0 &&
          compareLifecycle(quoteRank, master, base) >= 0;
        if (forwardOnly) {
          expect(compareLifecycle(quoteRank, merged, local)).toBeGreaterThanOrEqual(0);
          expect(compareLifecycle(quoteRank, merged, master)).toBeGreaterThanOrEqual(0);
        }
        expect(quoteStates).toContain(merged.state);
      }),
      runs,
    );
  });

  it('merge(base, x, x) = x with no conflicts', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, local }) => {
        const r = mergeRecord({ type: 'quote', base, local, master: structuredClone(local) });
        expect(r.merged).toEqual(local);
        expect(r.conflicts).toEqual([]);
      }),
      runs,
    );
  });

  it('merge(base, base, m) = m with no conflicts', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, master }) => {
        const r = mergeRecord({ type: 'quote', base, local: structuredClone(base), master });
        expect(r.merged).toEqual(master);
        expect(r.conflicts).toEqual([]);
      }),
      runs,
    );
  });

  it('reports a conflict only where both sides changed a field differently', () => {
    fc.assert(
      fc.property(scenarioArb, ({ base, local, master }) => {
        const { merged, conflicts } = mergeRecord({ type: 'quote', base, local, master });
        for (const f of PLAIN_FIELDS) {
          const clash =
            !deepEqual(local[f], base[f]) &&
            !deepEqual(master[f], base[f]) &&
            !deepEqual(local[f], master[f]);
          expect(conflicts.some((c) => c.path === f)).toBe(clash);
          if (clash) expect(merged[f]).toEqual(master[f]);
        }
      }),
      runs,
    );
  });
});

const lead = (patch: Partial<Wire<Lead>> = {}): Wire<Lead> => ({
  id: 'lead1',
  ownerId: 'u1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'u1',
  topic: 'Cranes',
  firstName: 'Anna',
  lastName: 'Rossi',
  company: 'Rossi Srl',
  jobTitle: '',
  email: 'anna@rossi.it',
  phone: '',
  mobile: '',
  website: '',
  address: { city: 'Milano' },
  vatNumber: '',
  source: 'trade_fair',
  sourceDetail: 'EIMA',
  rating: 'warm',
  budget: null,
  budgetCurrency: 'EUR',
  purchaseTimeframe: 'unknown',
  decisionMaker: null,
  need: '',
  consent: { given: false, at: null, how: null, wording: null },
  notes: '',
  state: 'open',
  status: 'new',
  searchTerms: ['anna', 'rossi'],
  qualifiedAccountId: null,
  qualifiedContactId: null,
  qualifiedOpportunityId: null,
  tradeFairId: null,
  fairAnswers: [],
  _deleted: false,
  ...patch,
});

describe('mergeRecord (examples)', () => {
  it('merges address sub-fields and reports a clash with the master winning', () => {
    const base = lead();
    const local = lead({
      address: { city: 'Milano', street: 'Via Roma 1' },
      phone: '111',
      updatedAt: '2026-01-03T00:00:00.000Z',
      updatedBy: 'u2',
    });
    const master = lead({
      address: { city: 'Monza' },
      phone: '222',
      rating: 'hot',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    const { merged, conflicts } = mergeRecord({ type: 'lead', base, local, master });
    expect(merged.address).toEqual({ city: 'Monza', street: 'Via Roma 1' });
    expect(merged.rating).toBe('hot');
    expect(merged.phone).toBe('222');
    expect(merged.updatedBy).toBe('u2');
    expect(merged.updatedAt).toBe('2026-01-03T00:00:00.000Z');
    expect(conflicts).toEqual([
      { path: 'phone', localValue: '111', masterValue: '222', winner: 'master' },
    ]);
  });

  it('keeps the further-along state when both sides moved it', () => {
    const base = lead();
    const local = lead({ state: 'qualified', status: 'qualified' });
    const master = lead({ status: 'contacted' });
    const { merged, conflicts } = mergeRecord({ type: 'lead', base, local, master });
    expect([merged.state, merged.status]).toEqual(['qualified', 'qualified']);
    expect(conflicts.map((c) => [c.path, c.winner])).toEqual([
      ['state', 'local'],
      ['status', 'local'],
    ]);
  });

  it('keeps an edit that meets a deletion, and reports the deletion', () => {
    const base = lead();
    const local = lead({ _deleted: true });
    const master = lead({ notes: 'call back' });
    const r = mergeRecord({ type: 'lead', base, local, master });
    expect(r.merged._deleted).toBe(false);
    expect(r.merged.notes).toBe('call back');
    expect(r.conflicts.map((c) => c.path)).toEqual(['_deleted']);
    // A deletion meeting an unrelated untouched record stays a deletion.
    const r2 = mergeRecord({
      type: 'lead',
      base,
      local,
      master: lead({ updatedAt: '2026-01-05T00:00:00.000Z' }),
    });
    expect(r2.merged._deleted).toBe(true);
  });

  it('keeps a line changed on one side and deleted on the other, with a conflict', () => {
    const mk = (q: number): Line => ({
      id: 'l1',
      productId: null,
      sku: '',
      name: 'Bolt',
      description: '',
      unit: 'pc',
      quantity: q,
      unitPrice: 100,
      discount: 0,
      vatRate: 2200,
      amount: 100 * q,
    });
    const base = { id: 'x', lines: [mk(1)], updatedAt: 'a' };
    const local = { id: 'x', lines: [] as Line[], updatedAt: 'a' };
    const master = { id: 'x', lines: [mk(3)], updatedAt: 'a' };
    const r = mergeRecord({ type: 'opportunity', base, local, master });
    expect(r.merged.lines).toEqual([mk(3)]);
    expect(r.conflicts).toEqual([
      { path: 'lines[l1]', localValue: null, masterValue: mk(3), winner: 'master' },
    ]);
  });
});
