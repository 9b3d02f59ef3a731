import { useMemo } from 'react';
import type { Section } from '../../app/router';
import { useServices } from '../../app/services';
import type { SearchKind, SearchResult } from '../../app/store-port';
import { useObservable } from '../../app/use-observable';

export type { SearchResult } from '../../app/store-port';

export const resultSection: Record<SearchKind, Section> = {
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  quote: 'quotes',
  order: 'orders',
  invoice: 'invoices',
};

export const useGlobalSearch = (query: string): SearchResult[] | undefined => {
  const { queries } = useServices();
  const trimmed = query.trim();
  const source$ = useMemo(() => (trimmed ? queries.search(trimmed) : null), [queries, trimmed]);
  return useObservable(source$, undefined);
};
