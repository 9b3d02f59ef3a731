// The UI's reactive queries over the device store: each returns an RxJS observable that
// re-emits when the underlying documents change (this window, other windows, replication).
import type { RxCollection, RxDocument, MangoQuerySelector } from 'rxdb';
import type { CaptureDraft } from '../../shared/domain/capture-duplicates';
import { findCaptureDuplicates } from '../../shared/domain/capture-duplicates';
import type { Observable } from 'rxjs';
import { combineLatest, firstValueFrom, from, map, of, switchMap } from 'rxjs';
import { companyOf } from '../../shared/domain/company';
import { companyWords, findDuplicateCandidates } from '../../shared/domain/duplicates';
import type { DuplicatePool } from '../../shared/domain/duplicates';
import type { RecordOf, RecordType } from '../../shared/domain/records';
import type { Lead } from '../../shared/domain/records';
import { leadDisqualifyReasons } from '../../shared/domain/records';
import { matchesSearch, normalizeText } from '../../shared/domain/search';
import type { FairleadDatabase } from '../data/database';
import { answerMatches } from '../../shared/domain/trade-fair';
import {
  dashboard$,
  fairLeads$,
  leadCountsByFair$,
  tradeFairs$,
  leadCount$,
  leadList$,
  pipelineTotals$,
  record$,
  search$,
  searchRefs,
  timeline$,
} from '../data';
import { collectionOf } from '../data/write';
import { documentData } from '../data/rx-internals';
import type {
  CatalogHit,
  DocumentFilter,
  LeadPage,
  SearchResult,
  StoreQueries,
} from './store-port';
import type { LeadFilters } from './ui-store';
import { personName } from '../../shared/domain/person-name';

type Doc<K extends RecordType> = RxDocument<RecordOf[K]>;

// Plain data for rendering; RxDB keeps the document immutable, so no copy is needed.
const plain = <K extends RecordType>(doc: Doc<K>): RecordOf[K] => documentData(doc);
const plainAll = <K extends RecordType>(docs: Doc<K>[]): RecordOf[K][] => docs.map(plain);

const byNewest = <T extends { createdAt: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));

const findAll = <K extends RecordType>(
  db: FairleadDatabase,
  type: K,
  selector: MangoQuerySelector<RecordOf[K]> = {},
): Observable<RecordOf[K][]> => {
  const collection = collectionOf(db, type) as RxCollection<RecordOf[K]>;
  return collection.find({ selector }).$.pipe(map((docs) => plainAll(docs as Doc<K>[])));
};

const findOne = <K extends RecordType>(
  db: FairleadDatabase,
  type: K,
  id: string,
): Observable<RecordOf[K] | null> => record$(db, type, id);

const documentSelector = (filter: DocumentFilter) => ({
  ...(filter.opportunityId ? { opportunityId: filter.opportunityId } : {}),
  ...(filter.accountId ? { accountId: filter.accountId } : {}),
});

const textFilter = <T extends { searchTerms: string[] }>(text: string) => {
  const query = text.trim();
  return (rows: T[]): T[] =>
    query === '' ? rows : rows.filter((r) => matchesSearch(r.searchTerms, query));
};

// Text search ranks at most this many leads; the other filters then apply to them.
const SEARCH_HITS = 2000;

const statusesOf = (state: LeadFilters['state']): Lead['status'][] | undefined =>
  state === 'open'
    ? ['new', 'contacted']
    : state === 'qualified'
      ? ['qualified']
      : state === 'disqualified'
        ? [...leadDisqualifyReasons]
        : undefined;

// One fair's leads are few enough to filter in memory: state, rating, text and an answer.
const fairLeadPage = (
  db: FairleadDatabase,
  fair: string,
  filters: LeadFilters,
  statuses: Lead['status'][] | undefined,
  limit: number,
): Observable<LeadPage> =>
  combineLatest([fairLeads$(db, fair), tradeFairs$(db)]).pipe(
    map(([leads, fairs]) => {
      const question = fairs
        .find((f) => f.id === fair)
        ?.questions.find((q) => q.id === filters.fairQuestion);
      const text = filters.text.trim();
      const matching = leads.filter(
        (l) =>
          (!statuses || statuses.includes(l.status)) &&
          (filters.rating === 'all' || l.rating === filters.rating) &&
          (text === '' || matchesSearch(l.searchTerms, text)) &&
          (question === undefined ||
            answerMatches(question, l.fairAnswers, filters.fairAnswer ?? '')),
      );
      const rows = matching.slice(0, limit);
      return { rows, total: matching.length, hasMore: rows.length < matching.length };
    }),
  );

// Only the rows the screen asks for: a newest-first window with a limit (so RxDB's
// event-reduce updates it in place) and an index count, never the whole list.
const leadPage = (
  db: FairleadDatabase,
  filters: LeadFilters,
  limit: number,
): Observable<LeadPage> => {
  const statuses = statusesOf(filters.state);
  const text = filters.text.trim();
  if (filters.fair !== undefined && filters.fair !== 'all') {
    return fairLeadPage(db, filters.fair, filters, statuses, limit);
  }
  if (text !== '' && !statuses && filters.rating === 'all' && filters.source === 'all') {
    // Text alone: read only the page's records; the term index counts the rest (no reads).
    return search$(db, text, { limit: limit + 1, types: ['lead'] }).pipe(
      switchMap((hits) =>
        from(searchRefs(db, text, { limit: SEARCH_HITS, types: ['lead'] })).pipe(
          map((refs) => {
            const rows = hits.flatMap((h) => (h.type === 'lead' ? [h.doc] : [])).slice(0, limit);
            const hasMore = hits.length > limit;
            return {
              rows,
              total: refs.length < SEARCH_HITS ? Math.max(refs.length, rows.length) : null,
              hasMore,
            };
          }),
        ),
      ),
    );
  }
  if (text !== '') {
    // Text first (the term index), then the other filters on the few matches.
    return search$(db, filters.text, { limit: SEARCH_HITS, types: ['lead'] }).pipe(
      map((hits) => {
        const matching = hits
          .flatMap((h) => (h.type === 'lead' ? [h.doc] : []))
          .filter(
            (l) =>
              (!statuses || statuses.includes(l.status)) &&
              (filters.rating === 'all' || l.rating === filters.rating) &&
              (filters.source === 'all' || l.source === filters.source),
          );
        const rows = matching.slice(0, limit);
        return {
          rows,
          // A full hit list may have left out further matches.
          total: hits.length < SEARCH_HITS ? matching.length : null,
          hasMore: rows.length < matching.length,
        };
      }),
    );
  }
  const query = {
    ...(statuses ? { status: statuses } : {}),
    ...(filters.rating !== 'all' ? { rating: filters.rating } : {}),
    ...(filters.source !== 'all' ? { source: filters.source } : {}),
  };
  return combineLatest([leadList$(db, { ...query, limit }), leadCount$(db, query)]).pipe(
    map(([rows, total]) => ({
      rows,
      total,
      hasMore: total === null ? rows.length >= limit : rows.length < total,
    })),
  );
};

const catalog = (
  db: FairleadDatabase,
  query: string,
  priceListId: string | null,
  currency: string,
): Observable<CatalogHit[]> =>
  combineLatest([findAll(db, 'product', { active: true }), findAll(db, 'pricelist')]).pipe(
    map(([products, priceLists]) => {
      const priceList =
        priceLists.find((p) => p.id === priceListId) ??
        priceLists.find((p) => p.currency === currency) ??
        null;
      const q = query.trim().toLowerCase();
      return products
        .filter(
          (p) => q === '' || p.sku.toLowerCase().startsWith(q) || matchesSearch(p.searchTerms, q),
        )
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, 30)
        .map((product) => {
          const item = priceList?.items.find((i) => i.productId === product.id);
          return {
            product,
            priceList: item ? priceList : null,
            unitPrice: item?.unitPrice ?? null,
          };
        });
    }),
  );

const documentsByNumber = (db: FairleadDatabase, query: string): Observable<SearchResult[]> => {
  const prefix = query.trim().toUpperCase();
  if (prefix.length < 2) return of([]);
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const selector = { number: { $regex: `^${escaped}` } };
  return combineLatest([
    findAll(db, 'quote', selector),
    findAll(db, 'order', selector),
    findAll(db, 'invoice', selector),
  ]).pipe(
    map(([quotes, orders, invoices]) => [
      ...byNewest(quotes).map((d) => ({
        kind: 'quote' as const,
        id: d.id,
        title: d.number,
        subtitle: `${d.name} · ${d.revisionNumber}`,
      })),
      ...orders.map((d) => ({
        kind: 'order' as const,
        id: d.id,
        title: d.number,
        subtitle: d.name,
      })),
      ...invoices.map((d) => ({
        kind: 'invoice' as const,
        id: d.id,
        title: d.number,
        subtitle: d.name,
      })),
    ]),
  );
};

const search = (db: FairleadDatabase, query: string): Observable<SearchResult[]> =>
  combineLatest([
    documentsByNumber(db, query),
    search$(db, query, { limit: 20 }).pipe(
      map((hits) =>
        hits.map((hit): SearchResult => {
          if (hit.type === 'account')
            return { kind: 'account', id: hit.id, title: hit.doc.name, subtitle: hit.doc.email };
          const person = personName(hit.doc);
          if (hit.type === 'contact')
            return {
              kind: 'contact',
              id: hit.id,
              title: person || hit.doc.email,
              subtitle: hit.doc.email,
            };
          return {
            kind: 'lead',
            id: hit.id,
            title: person || hit.doc.company,
            subtitle: hit.doc.company,
          };
        }),
      ),
    ),
    findAll(db, 'opportunity').pipe(map(textFilter(query))),
  ]).pipe(
    map(([documents, people, opportunities]) => [
      ...documents,
      ...people,
      ...opportunities.slice(0, 10).map((o): SearchResult => ({
        kind: 'opportunity',
        id: o.id,
        title: o.topic,
        subtitle: o.number,
      })),
    ]),
  );

// Likely duplicates come from the search index (email, company words) and the VAT number,
// so a device with 100k leads compares the lead with a few dozen records, not all of them.
const duplicatePool = async (db: FairleadDatabase, lead: Lead): Promise<DuplicatePool> => {
  // Company words without legal forms: "ACME S.r.l." must find "Acme Srl".
  const probes = [lead.email, companyWords(lead.company).join(' ')]
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const refs = (await Promise.all(probes.map((p) => searchRefs(db, p, { limit: 50 })))).flat();
  const ids = (type: string) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
  const byIds = async <K extends 'lead' | 'account' | 'contact'>(
    type: K,
  ): Promise<RecordOf[K][]> => {
    const found = await collectionOf(db, type).findByIds(ids(type)).exec();
    return [...found.values()].map((d) => d.toJSON() as RecordOf[K]);
  };
  const sameVat =
    lead.vatNumber.trim() === ''
      ? []
      : (
          await collectionOf(db, 'account')
            .find({ selector: { vatNumber: lead.vatNumber.trim() } })
            .exec()
        ).map((d) => d.toJSON() as RecordOf['account']);
  const accounts = await byIds('account');
  return {
    leads: await byIds('lead'),
    accounts: [...accounts, ...sameVat.filter((a) => !accounts.some((x) => x.id === a.id))],
    contacts: await byIds('contact'),
  };
};

// While typing at the stand: the qualify-time pool, plus what the phone number and the
// person's name find in the search index.
const capturePool = async (db: FairleadDatabase, draft: CaptureDraft): Promise<DuplicatePool> => {
  const base = await duplicatePool(db, { ...draft, id: '' } as Lead);
  const probes = [draft.phone, draft.mobile]
    .map((p) => p.replace(/\D/g, ''))
    .filter((p) => p.length >= 6)
    .concat(normalizeText(draft.lastName) !== '' ? [personName(draft)] : []);
  const refs = (await Promise.all(probes.map((p) => searchRefs(db, p, { limit: 20 })))).flat();
  const more = async <K extends 'lead' | 'contact'>(type: K, known: readonly { id: string }[]) => {
    const ids = refs.filter((r) => r.type === type && !known.some((k) => k.id === r.id));
    const found = await collectionOf(db, type)
      .findByIds([...new Set(ids.map((r) => r.id))])
      .exec();
    return [...found.values()].map((d) => d.toJSON() as RecordOf[K]);
  };
  return {
    ...base,
    leads: [...(base.leads ?? []), ...(await more('lead', base.leads ?? []))],
    contacts: [...(base.contacts ?? []), ...(await more('contact', base.contacts ?? []))],
  };
};

export const createStoreQueries = (db: FairleadDatabase): StoreQueries => ({
  captureDuplicates: (draft) =>
    from(capturePool(db, draft)).pipe(map((pool) => findCaptureDuplicates(draft, pool))),
  leads: (filters, limit) => leadPage(db, filters, limit),
  lead: (id) => findOne(db, 'lead', id),
  leadsToExport: async (filters) => (await firstValueFrom(leadPage(db, filters, 1_000_000))).rows,
  duplicates: (lead) =>
    from(duplicatePool(db, lead)).pipe(
      map((pool) => findDuplicateCandidates(lead, pool).slice(0, 10)),
    ),
  accounts: (text) =>
    findAll(db, 'account').pipe(
      map(textFilter(text)),
      map((rows) => [...rows].sort((a, b) => a.name.localeCompare(b.name))),
    ),
  account: (id) => findOne(db, 'account', id),
  contacts: (text) => findAll(db, 'contact').pipe(map(textFilter(text))),
  contact: (id) => findOne(db, 'contact', id),
  contactsOfAccount: (accountId) => findAll(db, 'contact', { accountId }),
  opportunities: (filter) =>
    findAll(db, 'opportunity', {
      ...(filter.accountId ? { accountId: filter.accountId } : {}),
      ...(filter.contactId ? { contactId: filter.contactId } : {}),
    }).pipe(map(textFilter(filter.text ?? '')), map(byNewest)),
  opportunity: (id) => findOne(db, 'opportunity', id),
  pipeline: () =>
    combineLatest([findAll(db, 'opportunity', { state: 'open' }), pipelineTotals$(db)]).pipe(
      map(([open, totals]) => ({
        currency: totals.currency,
        columns: totals.stages.map((s) => ({
          stage: s.stage,
          opportunities: byNewest(open.filter((o) => o.stage === s.stage)),
          total: s.total,
        })),
      })),
    ),
  quotes: (filter) => findAll(db, 'quote', documentSelector(filter)).pipe(map(byNewest)),
  quote: (id) => findOne(db, 'quote', id),
  orders: (filter) => findAll(db, 'order', documentSelector(filter)).pipe(map(byNewest)),
  order: (id) => findOne(db, 'order', id),
  invoices: (filter) => findAll(db, 'invoice', documentSelector(filter)).pipe(map(byNewest)),
  invoice: (id) => findOne(db, 'invoice', id),
  accountsByIds: (ids) =>
    ids.length === 0
      ? of([])
      : db.accounts
          .findByIds([...new Set(ids)])
          .$.pipe(map((found) => [...found.values()].map((d) => plain(d as Doc<'account'>)))),
  // The kind is a plain string: reference data kinds grow with the office's needs.
  refdataOfKind: (kind) =>
    findAll(db, 'refdata', { kind } as MangoQuerySelector<RecordOf['refdata']>),
  timeline: (type, id) => timeline$(db, type, id),
  catalog: (query, priceListId, currency) => catalog(db, query, priceListId, currency),
  priceLists: (currency) => findAll(db, 'pricelist', { currency }),
  search: (query) => of(query).pipe(switchMap((q) => search(db, q))),
  company: () => findAll(db, 'refdata', { kind: 'company' }).pipe(map(companyOf)),
  vatRates: () => findAll(db, 'refdata', { kind: 'vat_rate' }),
  teamRecords: () =>
    combineLatest([
      findAll(db, 'opportunity'),
      findAll(db, 'lead'),
      findAll(db, 'activity'),
      findAll(db, 'invoice'),
      findAll(db, 'refdata', {
        kind: { $in: ['exchange_rate', 'team_member'] },
      } as MangoQuerySelector<RecordOf['refdata']>),
    ]).pipe(
      map(([opportunities, leads, activities, invoices, refdata]) => ({
        opportunities,
        leads,
        activities,
        invoices,
        refdata,
      })),
    ),
  dashboard: () => dashboard$(db),
  // Owners' names come from the office's team_member reference records.
  tradeFairs: () => tradeFairs$(db),
  leadCountsByFair: () => leadCountsByFair$(db),
  teamMemberName: (userId) =>
    findAll(db, 'refdata', { kind: 'team_member', key: userId }).pipe(
      map(([member]) => {
        const name = member?.data.name;
        return typeof name === 'string' && name.trim() !== '' ? name : null;
      }),
    ),
});
