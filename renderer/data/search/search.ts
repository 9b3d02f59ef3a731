// Search across leads, accounts and contacts (name, company, email, phone): prefix, case and
// accent insensitive. The term index holds the stored `searchTerms` of every record; they are
// saved in the store (derived/projection.ts) so start-up reads them back instead of scanning
// 100k records, and follow every change (this window, other windows, replication).
import type { RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { combineLatest, from, map, switchMap } from 'rxjs';
import type { Account, Contact, Lead } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { openProjection } from '../derived/projection';
import type { SearchableType, SearchRef } from './term-index';
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

// Raised when the shape of the saved terms changes.
const FORMAT = 1;

type LiveIndex = {
  index: TermIndex;
  ready: Promise<void>;
  version$: Observable<number>;
  flush: () => Promise<void>;
};

const indexes = new WeakMap<FairleadDatabase, LiveIndex>();

const termsOf = (doc: Record<string, unknown>): string[] | null =>
  Array.isArray(doc['searchTerms']) ? (doc['searchTerms'] as string[]) : null;

// The sorted term list is saved beside the records' terms so reading back costs no sort;
// saved again once enough new terms wait to be sorted in.
const TERMS_DOC = 'fairlead-search-terms';
const RESAVE_TERMS_AFTER = 5000;
type SavedTerms = { format: number; json: string };

const buildIndex = (db: FairleadDatabase): LiveIndex => {
  const index = new TermIndex();
  const seeded = db
    .getLocal<SavedTerms>(TERMS_DOC)
    .then((doc) => {
      const saved = doc?.toJSON().data;
      if (saved?.format === FORMAT) index.seed(JSON.parse(saved.json) as string[]);
    })
    // Only a head start: unread, the index sorts the records' terms itself.
    .catch(() => undefined);
  const projections = sources.map(([type, name]) =>
    openProjection<string[]>(db, db[name] as unknown as RxCollection, {
      key: `fairlead-search-${type}`,
      format: FORMAT,
      valueOf: termsOf,
      onPut: (id, terms) => index.put({ type, id }, terms),
      onRemove: (id) => index.remove({ type, id }),
      after: seeded,
    }),
  );
  let termsSaved: Promise<unknown> = Promise.resolve();
  const saveTerms = (force: boolean): Promise<unknown> => {
    if (!force && index.termsSinceSeed < RESAVE_TERMS_AFTER) return termsSaved;
    const json = JSON.stringify(index.sortedTermList());
    termsSaved = termsSaved
      .then(() => db.upsertLocal<SavedTerms>(TERMS_DOC, { format: FORMAT, json }))
      // A cache of the records' terms: unsaved, the next start sorts them again.
      .catch(() => undefined);
    return termsSaved;
  };
  const ready = Promise.all(projections.map((p) => p.ready)).then(() => undefined);
  // One emission per change (not one per source), so a keystroke runs one search.
  const version$ = combineLatest(projections.map((p) => p.version$)).pipe(
    map((versions) => versions.reduce((a, b) => a + b, 0)),
  );
  const watch = version$.subscribe(() => {
    if (!db.closed) void ready.then(() => saveTerms(false));
  });
  db.onClose.push(() => {
    watch.unsubscribe();
    indexes.delete(db);
  });
  return {
    index,
    ready,
    version$,
    flush: async () => {
      await Promise.all(projections.map((p) => p.flush()));
      await saveTerms(true);
    },
  };
};

const liveIndex = (db: FairleadDatabase): LiveIndex => {
  let live = indexes.get(db);
  if (live === undefined) {
    live = buildIndex(db);
    indexes.set(db, live);
  }
  return live;
};

/** Reads the search index back now (at start-up) rather than on the first keystroke. */
export const prepareSearch = (db: FairleadDatabase): Promise<void> => liveIndex(db).ready;

/** Saves what the index has not saved yet (before closing the store, in tests). */
export const saveSearchIndex = (db: FairleadDatabase): Promise<void> => liveIndex(db).flush();

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

const fetchHits = async (
  db: FairleadDatabase,
  refs: readonly SearchRef[],
): Promise<SearchHit[]> => {
  const byType = await Promise.all(
    sources.map(async ([type, name]) => {
      const ids = refs.filter((r) => r.type === type).map((r) => r.id);
      return ids.length === 0
        ? new Map<string, unknown>()
        : new Map(
            [...(await db[name].findByIds(ids).exec()).entries()].map(([id, d]) => [
              id,
              d.toJSON(),
            ]),
          );
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
