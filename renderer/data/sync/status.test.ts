import { describe, expect, it } from 'vitest';
import { createFirstSyncTotal } from './status';

describe('createFirstSyncTotal', () => {
  it('adds fetched pages to what each collection still has on the server', () => {
    const total = createFirstSyncTotal(['leads', 'accounts']);
    expect(total.answered('leads', 7, 23)).toBeNull(); // accounts not heard from yet
    expect(total.answered('accounts', 2, 0)).toBe(32);
    expect(total.answered('leads', 7, 16)).toBe(32);
    // A document written on the server meanwhile makes the total grow.
    expect(total.answered('leads', 7, 10)).toBe(33);
    expect(total.answered('leads', 10, 0)).toBe(33);
    expect(total.answered('leads', 0, 0)).toBe(33);
  });

  it('stays unknown while a server sends no count, or a count that is not one', () => {
    const total = createFirstSyncTotal(['leads', 'accounts']);
    total.answered('accounts', 1, 0);
    expect(total.answered('leads', 5, undefined)).toBeNull();
    expect(total.answered('leads', 5, -1)).toBeNull();
    expect(total.answered('leads', 5, '3')).toBeNull();
    expect(total.answered('leads', 0, 0)).toBe(16);
  });
});
