import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { derivedId, uuidv7 } from './ids';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has version 7, the RFC variant, and sorts by time', () => {
    const a = uuidv7(1_700_000_000_000, new Uint8Array(10).fill(255));
    const b = uuidv7(1_700_000_000_001, new Uint8Array(10));
    expect(a).toMatch(uuidShape);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
  });

  it('refuses too little randomness', () => {
    expect(() => uuidv7(0, new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('derivedId', () => {
  it('is stable for the same source and purpose and differs by purpose', () => {
    const lead = uuidv7(1_700_000_000_000, new Uint8Array(10).fill(7));
    expect(derivedId(lead, 'account')).toBe(derivedId(lead, 'account'));
    expect(derivedId(lead, 'account')).not.toBe(derivedId(lead, 'contact'));
    expect(derivedId(lead, 'account')).toMatch(uuidShape);
    expect(derivedId(lead, 'account').slice(0, 13)).toBe(lead.slice(0, 13));
  });

  it('does not collide across many sources', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 50, maxLength: 50 }), (ids) => {
        const derived = new Set(ids.map((id) => derivedId(id, 'opportunity')));
        expect(derived.size).toBe(ids.length);
      }),
    );
  });
});
