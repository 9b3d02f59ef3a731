// Reactive lists with filters and sort: leads, opportunities and the documents by state.
// RxDB serves ascending sorts from an index; descending ones are re-sorted by RxDB.
import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import type { Observable } from 'rxjs';
import { combineLatest, map, of } from 'rxjs';
import type {
  Invoice,
  Lead,
  Opportunity,
  OpportunityStage,
  Order,
  Quote,
} from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { recentFirst$ } from './recent-first';
import type { Page } from './shared';
import { filter, oneOrMany, plain } from './shared';

export type SortDirection = 'asc' | 'desc';

export type LeadListQuery = Page & {
  status?: Lead['status'] | readonly Lead['status'][];
  rating?: Lead['rating'] | readonly Lead['rating'][];
  source?: Lead['source'] | readonly Lead['source'][];
  state?: Lead['state'];
  ownerId?: string;
  sort?: 'createdAt' | 'name' | 'rating';
  direction?: SortDirection;
};

const ratingOrder: readonly Lead['rating'][] = ['hot', 'warm', 'cold'];

/** Leads filtered by status, rating and source; newest first unless told otherwise. */
export const leadList$ = (db: FairleadDatabase, query: LeadListQuery = {}): Observable<Lead[]> => {
  const limit = query.limit ?? 100;
  const skip = query.skip ?? 0;
  const direction = query.direction ?? (query.sort === 'name' ? 'asc' : 'desc');
  const selector = {
    ...filter('status', query.status),
    ...filter('source', query.source),
    ...filter('state', query.state),
    ...filter('ownerId', query.ownerId),
  };
  if (query.sort === 'rating') {
    // Rating is an order of meaning (hot, warm, cold), not of text: one query per rating,
    // each newest first, concatenated.
    const ratings = ratingOrder.filter(
      (r) => query.rating === undefined || [query.rating].flat().includes(r),
    );
    const ordered = direction === 'desc' ? ratings : [...ratings].reverse();
    return combineLatest(
      ordered.map((rating) =>
        recentFirst$(db.leads, { ...selector, rating } as MangoQuerySelector<Lead>, {
          limit: skip + limit,
          skip: 0,
        }),
      ),
    ).pipe(map((lists) => lists.flat().slice(skip, skip + limit)));
  }
  const sort: MangoQuerySortPart<Lead>[] =
    query.sort === 'name'
      ? [{ lastName: direction }, { firstName: direction }]
      : [{ createdAt: direction }];
  const fullSelector = { ...selector, ...filter('rating', query.rating) };
  if (query.sort !== 'name' && direction === 'desc') {
    return recentFirst$(db.leads, fullSelector as MangoQuerySelector<Lead>, { limit, skip });
  }
  return plain(db.leads.find({ selector: fullSelector, sort, limit, skip }).$);
};

export type LeadCountQuery = Pick<
  LeadListQuery,
  'status' | 'rating' | 'source' | 'state' | 'ownerId'
>;

/**
 * How many leads match, counted on an index (IndexedDB counts keys, it reads no document);
 * null when the filters combine fields that no single index serves.
 */
export const leadCount$ = (
  db: FairleadDatabase,
  query: LeadCountQuery = {},
): Observable<number | null> => {
  if (query.state !== undefined || query.ownerId !== undefined) return of(null);
  const filters = (['status', 'rating', 'source'] as const).flatMap((field) => {
    const values = oneOrMany<string>(query[field]);
    return values === undefined || values.length === 0 ? [] : [{ field, values }];
  });
  const only = filters[0];
  if (filters.length > 1) return of(null);
  if (only === undefined) return db.leads.count().$;
  // A $in is not served by the index alone: one count per value, added up.
  return combineLatest(
    only.values.map(
      (value) =>
        db.leads.count({ selector: { [only.field]: value } as MangoQuerySelector<Lead> }).$,
    ),
  ).pipe(map((counts) => counts.reduce((a, b) => a + b, 0)));
};

export type OpportunityListQuery = Page & {
  stage?: OpportunityStage | readonly OpportunityStage[];
  state?: Opportunity['state'] | readonly Opportunity['state'][];
  ownerId?: string;
  /** Estimated close date from / to (YYYY-MM-DD, inclusive). */
  closeFrom?: string;
  closeTo?: string;
  sort?: 'closeDate' | 'updatedAt' | 'estimatedRevenue';
  direction?: SortDirection;
};

const compare = (a: string | number | null, b: string | number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** Opportunities by stage, owner and close date; soonest close date first by default. */
export const opportunityList$ = (
  db: FairleadDatabase,
  query: OpportunityListQuery = {},
): Observable<Opportunity[]> => {
  const limit = query.limit ?? 100;
  const skip = query.skip ?? 0;
  const sort = query.sort ?? 'closeDate';
  const direction = query.direction ?? (sort === 'closeDate' ? 'asc' : 'desc');
  const close =
    query.closeFrom !== undefined || query.closeTo !== undefined
      ? {
          estimatedCloseDate: {
            ...(query.closeFrom !== undefined ? { $gte: query.closeFrom } : {}),
            ...(query.closeTo !== undefined ? { $lte: query.closeTo } : {}),
          },
        }
      : {};
  const selector = {
    ...filter('stage', query.stage),
    ...filter('state', query.state),
    ...filter('ownerId', query.ownerId),
    ...close,
  };
  // The close date and revenue are sorted here: a nullable field cannot be an RxDB index,
  // and a device holds few enough open opportunities for that.
  const key = (o: Opportunity) =>
    sort === 'closeDate'
      ? o.estimatedCloseDate
      : sort === 'updatedAt'
        ? o.updatedAt
        : o.estimatedRevenue;
  const sign = direction === 'asc' ? 1 : -1;
  return plain(db.opportunities.find({ selector }).$).pipe(
    map((list) =>
      list
        .sort((a, b) => {
          const byKey = compare(key(a), key(b));
          return byKey !== 0
            ? key(a) === null || key(b) === null
              ? byKey
              : sign * byKey
            : compare(a.id, b.id);
        })
        .slice(skip, skip + limit),
    ),
  );
};

export type DocumentListQuery<S extends string> = Page & {
  state?: S | readonly S[];
  ownerId?: string;
  direction?: SortDirection;
};

const documentList =
  <T extends Quote | Order | Invoice>(name: 'quotes' | 'orders' | 'invoices') =>
  (db: FairleadDatabase, query: DocumentListQuery<T['state']> = {}): Observable<T[]> =>
    plain(
      (db[name] as unknown as FairleadDatabase['quotes']).find({
        selector: {
          ...filter('state', query.state),
          ...filter('ownerId', query.ownerId),
        } as MangoQuerySelector<Quote>,
        sort: [{ updatedAt: query.direction ?? 'desc' }],
        limit: query.limit ?? 100,
        skip: query.skip ?? 0,
      }).$,
    ) as unknown as Observable<T[]>;

/** Quotes by state, most recently changed first. */
export const quoteList$ = documentList<Quote>('quotes');
/** Orders by state, most recently changed first. */
export const orderList$ = documentList<Order>('orders');
/** Invoices by state, most recently changed first. */
export const invoiceList$ = documentList<Invoice>('invoices');
