// What the document pages read besides the document itself: its customer, the office's
// letterhead, the terms carried from the quote, and the lists' joined names.
import { useMemo } from 'react';
import type { Observable } from 'rxjs';
import { combineLatest, map, of, switchMap } from 'rxjs';
import type { PrintableDocument, SourceTerms } from '../../../shared/documents/print/printable';
import {
  documentLanguageOf,
  letterheadOfCompany,
  printableInvoice,
  printableOrder,
  printableQuote,
} from '../../../shared/documents/print/printable';
import type { Account, Invoice, Order, Quote } from '../../../shared/domain/records';
import { useServices } from '../../app/services';
import type { StoreQueries } from '../../app/store-port';
import { useObservable } from '../../app/use-observable';
import type { DocumentListFilters, DocumentListRow, ListedDocument } from './list-filters';
import { documentRows, localToday, ownerNamesOf } from './list-filters';

const account$ = (queries: StoreQueries, id: string | null): Observable<Account | null> =>
  id === null ? of(null) : queries.account(id);

export const useDocumentAccount = (accountId: string | null): Account | null | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => account$(queries, accountId), [queries, accountId]),
    undefined,
  );
};

const noTerms: SourceTerms = { paymentTerms: '', deliveryTerms: '', sourceNumber: '' };

const quoteTerms$ = (queries: StoreQueries, quoteId: string | null) =>
  (quoteId === null ? of(null) : queries.quote(quoteId)).pipe(
    map((q) => ({
      paymentTerms: q?.paymentTerms ?? '',
      deliveryTerms: q?.deliveryTerms ?? '',
      sourceNumber: q?.number ?? '',
    })),
  );

/** Terms of the quote an order came from; an invoice's via its order. */
const sourceTerms$ = (queries: StoreQueries, doc: ListedDocument, kind: 'order' | 'invoice') => {
  if (kind === 'order') {
    return quoteTerms$(queries, (doc as Order).quoteId);
  }
  const orderId = (doc as Invoice).orderId;
  if (orderId === null) return of(noTerms);
  return queries
    .order(orderId)
    .pipe(
      switchMap((order) =>
        quoteTerms$(queries, order?.quoteId ?? null).pipe(
          map((t) => ({ ...t, sourceNumber: order?.number ?? '' })),
        ),
      ),
    );
};

export type DocumentTerms = SourceTerms;

/** Payment and delivery terms an order or invoice inherits. */
export const useSourceTerms = (
  kind: 'order' | 'invoice',
  doc: Order | Invoice,
): DocumentTerms | undefined => {
  const { queries } = useServices();
  return useObservable(
    useMemo(() => sourceTerms$(queries, doc, kind), [queries, doc, kind]),
    undefined,
  );
};

export type PrintSource =
  { kind: 'quote'; doc: Quote } | { kind: 'order'; doc: Order } | { kind: 'invoice'; doc: Invoice };

/** Everything a document's PDF needs, live: re-emits when the customer or letterhead changes. */
export const usePrintable = (source: PrintSource): PrintableDocument | undefined => {
  const { queries } = useServices();
  const { kind, doc } = source;
  const printable$ = useMemo(() => {
    // The letterhead speaks the customer's language too (payment terms, footer).
    const parties$ = combineLatest([queries.company(), account$(queries, doc.accountId)]).pipe(
      map(([company, account]) => {
        const language = documentLanguageOf(account);
        return [letterheadOfCompany(company, language), account, language] as const;
      }),
    );
    if (kind === 'quote') {
      return parties$.pipe(
        map(([seller, account, language]) =>
          printableQuote(doc as Quote, { seller, account, language }),
        ),
      );
    }
    return combineLatest([parties$, sourceTerms$(queries, doc, kind)]).pipe(
      map(([[seller, account, language], terms]) =>
        kind === 'order'
          ? printableOrder(doc as Order, { seller, account, language, terms })
          : printableInvoice(doc as Invoice, { seller, account, language, terms }),
      ),
    );
  }, [queries, kind, doc]);
  return useObservable(printable$, undefined);
};

/** A document list with customer and owner names, filtered; undefined while loading. */
export const useDocumentRows = <T extends ListedDocument>(
  docs: readonly T[] | undefined,
  filters: DocumentListFilters,
): DocumentListRow<T>[] | undefined => {
  const { queries, user } = useServices();
  const accountIds = useMemo(
    () => [...new Set((docs ?? []).flatMap((d) => (d.accountId === null ? [] : [d.accountId])))],
    [docs],
  );
  const names$ = useMemo(
    () => combineLatest([queries.accountsByIds(accountIds), queries.refdataOfKind('team_member')]),
    [queries, accountIds],
  );
  const names = useObservable(names$, undefined);
  return useMemo(
    () =>
      docs === undefined || names === undefined
        ? undefined
        : documentRows(docs, names[0], ownerNamesOf(names[1]), filters, {
            today: localToday(),
            userId: user.id,
          }),
    [docs, names, filters, user.id],
  );
};
