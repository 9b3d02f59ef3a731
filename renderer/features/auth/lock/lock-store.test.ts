import { describe, expect, it } from 'vitest';
import { idleExpired, waitAfterFailure } from './lock-store';

describe('the app lock timing', () => {
  it('locks once the idle minutes have passed, not before', () => {
    const at = Date.parse('2026-12-01T09:00:00Z');
    expect(idleExpired(at, 15, at + 14 * 60_000 + 59_999)).toBe(false);
    expect(idleExpired(at, 15, at + 15 * 60_000)).toBe(true);
  });

  it('lets five wrong passwords through, then doubles the wait up to 15 minutes', () => {
    expect([1, 4].map(waitAfterFailure)).toEqual([0, 0]);
    expect([5, 6, 7].map(waitAfterFailure)).toEqual([30_000, 60_000, 120_000]);
    expect(waitAfterFailure(40)).toBe(15 * 60_000);
  });
});
