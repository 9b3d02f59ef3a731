import { describe, expect, it } from 'vitest';
import type { RecordLink } from '../../shared/platform';
import { followDeepLinks, parseRoute, recordLinkHref, routeHref } from './router';

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

describe('deep links', () => {
  it('open the screen of the record they name', () => {
    expect(recordLinkHref({ record: 'quote', id: 'q1' })).toBe('#/quotes/q1');
    expect(recordLinkHref({ record: 'opportunity', id: 'o1' })).toBe('#/opportunities/o1');
    expect(recordLinkHref({ record: 'lead', id: 'l1' })).toBe('#/leads/l1');
  });

  it('follows every link the shell delivers until unsubscribed', () => {
    const subscribed: { deliver: ((link: RecordLink) => void) | null } = { deliver: null };
    const opened: string[] = [];
    const stop = followDeepLinks(
      {
        onOpenRecord: (listener) => {
          subscribed.deliver = listener;
          return () => {
            subscribed.deliver = null;
          };
        },
      },
      (href) => opened.push(href),
    );
    subscribed.deliver?.({ record: 'invoice', id: 'i9' });
    stop();
    expect(opened).toEqual(['#/invoices/i9']);
    expect(subscribed.deliver).toBeNull();
  });

  it('does nothing where the platform has no deep links (the browser)', () => {
    expect(() => followDeepLinks({})()).not.toThrow();
  });
});
