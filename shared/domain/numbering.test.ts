import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NumberedKind, NumberingState } from './numbering';
import {
  formatDocumentNumber,
  initialNumbering,
  isSeriesCode,
  nextNumber,
  numberedKindsOf,
  numberFormats,
  numberingHighWater,
  parseDocumentNumber,
  reconcileNumbering,
} from './numbering';

const now = '2026-11-30T10:15:00.000Z';

describe('isSeriesCode', () => {
  it('accepts 2–8 upper-case letters or digits', () => {
    expect(['AB', 'AB12', 'A1B2C3D4', '42'].every(isSeriesCode)).toBe(true);
    expect(['A', 'ab12', 'AB-1', 'ABCDEFGHI', '', 'ÀB'].some(isSeriesCode)).toBe(false);
  });
});

describe('nextNumber', () => {
  it('formats each kind with a zero-padded sequence', () => {
    let state = initialNumbering('AB12');
    const take = (kind: NumberedKind, at = now): string => {
      const next = nextNumber(state, kind, at);
      state = next.state;
      return next.number;
    };
    expect(take('quote')).toBe('Q-AB12-00001');
    expect(take('quote')).toBe('Q-AB12-00002');
    expect(take('order')).toBe('ORD-AB12-00001');
    expect(take('invoice')).toBe('INV/2026/AB12/00001');
    expect(take('invoice')).toBe('INV/2026/AB12/00002');
    // A new calendar year restarts the invoice sequence, not the others.
    expect(take('invoice', '2027-01-01T00:00:01.000Z')).toBe('INV/2027/AB12/00001');
    expect(take('quote', '2027-01-02')).toBe('Q-AB12-00003');
    // Credit notes have their own yearly series, apart from invoices.
    expect(take('creditNote', '2026-12-31')).toBe('NC/2026/AB12/00001');
    expect(take('creditNote', '2027-01-05')).toBe('NC/2027/AB12/00001');
    expect(take('creditNote', '2027-02-05')).toBe('NC/2027/AB12/00002');
    expect(take('invoice', '2027-02-06')).toBe('INV/2027/AB12/00002');
    expect(state).toEqual({
      series: 'AB12',
      quote: 3,
      order: 1,
      invoice: { '2026': 2, '2027': 2 },
      creditNote: { '2026': 1, '2027': 2 },
    });
  });

  it('does not mutate the state and grows past five digits', () => {
    const state: NumberingState = {
      series: 'ZZ',
      quote: 99999,
      order: 0,
      invoice: {},
      creditNote: {},
    };
    const next = nextNumber(state, 'quote', now);
    expect(next.number).toBe('Q-ZZ-100000');
    expect(state.quote).toBe(99999);
    expect(parseDocumentNumber(next.number)).toEqual({ kind: 'quote', series: 'ZZ', seq: 100000 });
  });

  it('uses the year as written in the instant', () => {
    const state = initialNumbering('IT01');
    expect(nextNumber(state, 'invoice', '2027-01-01T00:30:00+01:00').number).toBe(
      'INV/2027/IT01/00001',
    );
    expect(() => nextNumber(state, 'invoice', 'yesterday')).toThrow(RangeError);
  });
});

describe('initialNumbering', () => {
  it('starts after the high water the server remembers', () => {
    const state = initialNumbering('AB12', { quote: 41, order: 7, invoice: { '2026': 12 } });
    expect(nextNumber(state, 'quote', now).number).toBe('Q-AB12-00042');
    expect(nextNumber(state, 'order', now).number).toBe('ORD-AB12-00008');
    expect(nextNumber(state, 'invoice', now).number).toBe('INV/2026/AB12/00013');
    expect(numberingHighWater(state)).toEqual({
      quote: 41,
      order: 7,
      invoice: { '2026': 12 },
      creditNote: {},
    });
    expect(initialNumbering('AB12')).toEqual({
      series: 'AB12',
      quote: 0,
      order: 0,
      invoice: {},
      creditNote: {},
    });
    const withNotes = initialNumbering('AB12', {
      quote: 0,
      order: 0,
      invoice: {},
      creditNote: { '2026': 4 },
    });
    expect(nextNumber(withNotes, 'creditNote', now).number).toBe('NC/2026/AB12/00005');
  });

  it('refuses an invalid series', () => {
    expect(() => initialNumbering('ab')).toThrow(RangeError);
  });
});

describe('parseDocumentNumber', () => {
  it('reads the three formats back', () => {
    expect(parseDocumentNumber('Q-AB12-00001')).toEqual({ kind: 'quote', series: 'AB12', seq: 1 });
    expect(parseDocumentNumber('ORD-X9-00420')).toEqual({ kind: 'order', series: 'X9', seq: 420 });
    expect(parseDocumentNumber('INV/2026/AB12/00003')).toEqual({
      kind: 'invoice',
      series: 'AB12',
      seq: 3,
      year: 2026,
    });
    expect(parseDocumentNumber('NC/2027/AB12/00002')).toEqual({
      kind: 'creditNote',
      series: 'AB12',
      seq: 2,
      year: 2027,
    });
  });

  it('rejects what is not a canonical number', () => {
    for (const s of [
      '',
      'Q-AB12-1',
      'Q-AB12-00000',
      'Q-AB12-000001',
      'Q-ab12-00001',
      'ORD-AB12-0001x',
      'INV/26/AB12/00001',
      'INV-2026-AB12-00001',
      'OPP-AB12-00001',
      'NC/26/AB12/00001',
      'NC-2026-AB12-00001',
    ]) {
      expect(parseDocumentNumber(s)).toBeNull();
    }
    expect(() => formatDocumentNumber('invoice', 'AB', 1)).toThrow(RangeError);
  });
});

describe('reconcileNumbering', () => {
  it('raises counters to the highest number of its own series only', () => {
    const state = initialNumbering('AB12', { quote: 2, order: 5, invoice: { '2026': 1 } });
    const reconciled = reconcileNumbering(state, [
      'Q-AB12-00004',
      'Q-AB12-00003',
      'ORD-AB12-00001', // lower than the state: never lowers
      'INV/2026/AB12/00009',
      'INV/2025/AB12/00120',
      'NC/2026/AB12/00003',
      'NC/2026/CD34/00050', // another device's series
      'Q-CD34-00999', // another device's series
      'not a number',
    ]);
    expect(reconciled).toEqual({
      series: 'AB12',
      quote: 4,
      order: 5,
      invoice: { '2025': 120, '2026': 9 },
      creditNote: { '2026': 3 },
    });
    expect(state.quote).toBe(2);
  });
});

const stepArb = fc.record({
  kind: fc.constantFrom<NumberedKind>('quote', 'order', 'invoice', 'creditNote'),
  year: fc.integer({ min: 2025, max: 2028 }),
  crash: fc.boolean(),
});

describe('numbering properties', () => {
  it('never repeats or skips within a series', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 200 }), (steps) => {
        // Years only move forward, as a clock does.
        const ordered = [...steps].sort((a, b) => a.year - b.year);
        let state = initialNumbering('AB12');
        const issued: string[] = [];
        for (const { kind, year } of ordered) {
          const next = nextNumber(state, kind, `${year}-06-15T12:00:00.000Z`);
          issued.push(next.number);
          state = next.state;
        }
        expect(new Set(issued).size).toBe(issued.length);
        const perSequence = new Map<string, number[]>();
        for (const number of issued) {
          const parsed = parseDocumentNumber(number);
          expect(parsed?.series).toBe('AB12');
          if (parsed === null) continue;
          const key = `${parsed.kind}/${parsed.year ?? ''}`;
          perSequence.set(key, [...(perSequence.get(key) ?? []), parsed.seq]);
        }
        for (const seqs of perSequence.values()) {
          expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        }
      }),
    );
  });

  it('never reuses a number after a crash lost the saved state', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 100 }), (steps) => {
        let saved = initialNumbering('CD34');
        let live = saved;
        const written: string[] = [];
        for (const { kind, year, crash } of steps) {
          if (crash) live = reconcileNumbering(saved, written); // reopen: state lost, docs kept
          const next = nextNumber(live, kind, `${year}-03-01`);
          expect(written).not.toContain(next.number);
          written.push(next.number); // the document is written first…
          live = next.state;
          if (!crash) saved = live; // …and the state saved afterwards, unless we crash
        }
      }),
    );
  });
});

describe('the table of numbered kinds', () => {
  it('says which record carries which number, and which kinds keep it across revisions', () => {
    expect(numberedKindsOf('quote')).toEqual(['quote']);
    expect(numberedKindsOf('invoice')).toEqual(['invoice', 'creditNote']);
    expect(numberedKindsOf('lead')).toEqual([]);
    const revised = Object.entries(numberFormats).filter(([, f]) => 'revisions' in f);
    expect(revised.map(([kind]) => kind)).toEqual(['quote']);
    // Every kind reads back what it writes.
    for (const kind of Object.keys(numberFormats) as NumberedKind[]) {
      const number = formatDocumentNumber(kind, 'AB12', 42, 2026);
      expect(parseDocumentNumber(number)).toMatchObject({ kind, series: 'AB12', seq: 42 });
    }
    expect(() => formatDocumentNumber('invoice', 'AB12', 1)).toThrow('invoice numbers need a year');
  });
});
