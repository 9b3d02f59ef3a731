// Search across leads, accounts and contacts (name, company, email, phone): prefix, case and
// accent insensitive. The term index is built once per open store from the stored
// `searchTerms` and follows every change (this window, other windows, replication).
import type { RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { BehaviorSubject, from, switchMap } from 'rxjs';
import type { Account, Contact, Lead } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import type { SearchableType, SearchRef } from './term-index';
import { scanSearchable } from './scan';
import { TermIndex } from './term-index';

export type { SearchableType, SearchRef } from './term-index';

export type SearchHit =
  | { type: 'lead'; id: string; doc: Lead }
  | { type: 'account'; id: string; doc: Account }
  | { type: 'contact'; id: string; doc: Contact };

const sources = [
  ['lead', 'leads'],
  ['account', 'accounts'],
  ['contact', 'contacts'],
] as const;

const BUILD_PAGE = 5000;

type LiveIndex = { index: TermIndex; ready: Promise<void>; version$: BehaviorSubject<number> };

const indexes = new WeakMap<FairleadDatabase, LiveIndex>();

type Searchable = { searchTerms: string[] };

const buildIndex = (db: FairleadDatabase): LiveIndex => {
  const index = new TermIndex();
  const version$ = new BehaviorSubject(0);
  const bump = () => version$.next(version$.value + 1);
  // Changes that arrive while the index is loading are applied after it, in order.
  let queued: (() => void)[] | null = [];
  const subscriptions = sources.map(([type, name]) =>
    (db[name].$ as Observable<{ documentId: string; operation: string; documentData: Searchable }>)
      .subscribe((event) => {
        const apply = () => {
          const ref = { type, id: event.documentId };
          if (event.operation === 'DELETE') index.remove(ref);
          else index.put(ref, event.documentData.searchTerms);
        };
        if (queued !== null) queued.push(apply);
        else {
          apply();
          bump();
        }
      }),
  );
  db.onClose.push(() => {
    for (const s of subscriptions) s.unsubscribe();
    version$.complete();
    indexes.delete(db);
  });
  const ready = (async () => {
    for (const [type, name] of sources) {
      for await (const page of scanSearchable(db[name] as unknown as RxCollection, BUILD_PAGE)) {
        for (const doc of page) index.put({ type, id: doc.id }, doc.searchTerms);
      }
    }
    for (const apply of queued ?? []) apply();
    queued = null;
    bump();
  })();
  return { index, ready, version$ };
};

const liveIndex = (db: FairleadDatabase): LiveIndex => {
  let live = indexes.get(db);
  if (live === undefined) {
    live = buildIndex(db);
    indexes.set(db, live);
  }
  return live;
};

/** Builds the search index now (at start-up) rather than on the first keystroke. */
export const prepareSearch = (db: FairleadDatabase): Promise<void> => liveIndex(db).ready;

/** The references of matching records, best match order, at most `limit`. */
export const searchRefs = async (
  db: FairleadDatabase,
  query: string,
  options: { limit?: number; types?: readonly SearchableType[] } = {},
): Promise<SearchRef[]> => {
  const live = liveIndex(db);
  await live.ready;
  return live.index.search(query, options.limit ?? 50, options.types);
};

const fetchHits = async (db: FairleadDatabase, refs: readonly SearchRef[]): Promise<SearchHit[]> => {
  const byType = await Promise.all(
    sources.map(async ([type, name]) => {
      const ids = refs.filter((r) => r.type === type).map((r) => r.id);
      return ids.length === 0
        ? new Map<string, unknown>()
        : new Map([...(await db[name].findByIds(ids).exec()).entries()].map(([id, d]) => [id, d.toJSON()]));
    }),
  );
  const docs = new Map(sources.map(([type], i) => [type, byType[i]]));
  return refs.flatMap((ref) => {
    const doc = docs.get(ref.type)?.get(ref.id);
    return doc === undefined ? [] : [{ type: ref.type, id: ref.id, doc } as SearchHit];
  });
};

/** Live search results: re-emits when the query's records change. */
export const search$ = (
  db: FairleadDatabase,
  query: string,
  options: { limit?: number; types?: readonly SearchableType[] } = {},
): Observable<SearchHit[]> => {
  const live = liveIndex(db);
  return live.version$.pipe(
    switchMap(() => from(searchRefs(db, query, options))),
    switchMap((refs) => from(fetchHits(db, refs))),
  );
};
