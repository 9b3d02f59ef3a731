import { describe, expect, it } from 'vitest';
import { mayOpen, navFor } from './navigation';
import { sections } from './router';

describe('role-aware navigation', () => {
  it('shows the manager dashboard to managers and admins, not to sellers', () => {
    expect(navFor('seller')).not.toContain('dashboard');
    expect(navFor('manager')[0]).toBe('dashboard');
    expect(navFor('admin')).toContain('dashboard');
    expect(mayOpen('seller', 'dashboard')).toBe(false);
    expect(mayOpen('manager', 'dashboard')).toBe(true);
  });

  it('keeps every seller screen for every role, and every section reachable by someone', () => {
    for (const role of ['seller', 'manager', 'admin'] as const) {
      expect(navFor(role)).toEqual(expect.arrayContaining(['leads', 'opportunities', 'sync']));
    }
    const reachable = new Set(['seller', 'manager', 'admin'].flatMap((r) => navFor(r as 'seller')));
    expect(sections.filter((s) => !reachable.has(s))).toEqual([]);
  });
});
