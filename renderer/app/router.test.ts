import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './router';

describe('hash routes', () => {
  it('reads a section and a record id', () => {
    expect(parseRoute('#/quotes/019a-abc')).toEqual({ section: 'quotes', id: '019a-abc' });
    expect(parseRoute('#/pipeline')).toEqual({ section: 'pipeline', id: null });
  });

  it('falls back to the lead list for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ section: 'leads', id: null });
    expect(parseRoute('#/nowhere/1')).toEqual({ section: 'leads', id: null });
  });

  it('round-trips what it builds', () => {
    expect(parseRoute(routeHref('invoices', 'x1'))).toEqual({ section: 'invoices', id: 'x1' });
    expect(parseRoute(routeHref('leads', 'new'))).toEqual({ section: 'leads', id: 'new' });
  });
});
