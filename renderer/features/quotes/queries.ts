import { useMemo } from 'react';
import { combineLatest, map } from 'rxjs';
import type { Quote } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import type { DocumentFilter } from '../../app/store-port';
import { useObservable } from '../../app/use-observable';

export const useQuoteList = (): Quote[] | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.quotes({}), [queries]),
    undefined,
  );
};

export const useQuote = (id: string): Quote | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => queries.quote(id), [queries, id]),
    undefined,
  );
};

export type RelatedDocument = {
  kind: 'quote' | 'order' | 'invoice';
  id: string;
  number: string;
  state: string;
  status: string;
  grandTotal: number;
  currency: string;
  createdAt: string;
};

/** Quotes, orders and invoices of an opportunity or account, newest first. */
export const useRelatedDocuments = (filter: DocumentFilter): RelatedDocument[] | undefined => {
  const { queries } = useServices();
  const { opportunityId, accountId } = filter;
  const source$ = useMemo(() => {
    const f = { opportunityId, accountId };
    return combineLatest([queries.quotes(f), queries.orders(f), queries.invoices(f)]).pipe(
      map(([quotes, orders, invoices]) =>
        [
          ...quotes.map((d) => ({ kind: 'quote' as const, d })),
          ...orders.map((d) => ({ kind: 'order' as const, d })),
          ...invoices.map((d) => ({ kind: 'invoice' as const, d })),
        ]
          .map(({ kind, d }) => ({
            kind,
            id: d.id,
            number: kind === 'quote' ? `${d.number} (${(d as Quote).revisionNumber})` : d.number,
            state: d.state,
            status: d.status,
            grandTotal: d.totals.grandTotal,
            currency: d.currency,
            createdAt: d.createdAt,
          }))
          .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
      ),
    );
  }, [queries, opportunityId, accountId]);
  return useObservable(source$, undefined);
};
