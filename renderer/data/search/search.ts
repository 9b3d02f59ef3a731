// Search across leads, accounts and contacts (name, company, email, phone): prefix, case and
// accent insensitive. The term index holds the stored `searchTerms` of every record and
// follows every change (this window, other windows, replication, derived/projection.ts). It
// is saved in the store in a compact form (frozen-terms.ts) that start-up reads back without
// work per record; the records changed since are caught up from the saved checkpoint.
import type { RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { combineLatest, from, map, switchMap } from 'rxjs';
import type { Account, Contact, Lead } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { openProjection } from '../derived/projection';
import type { FrozenTermsData } from './frozen-terms';
import { SearchIndex } from './search-index';
import type { SearchableType, SearchRef } from './term-index';

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

// Raised when the shape of the saved index changes (2: the compact index, no term buckets).
const FORMAT = 2;
// Changed records folded into the saved index once this many wait: a start-up reads back
// the saved part and catches up with at most about this many records.
const FOLD_AFTER = 2000;

type SavedIndex = FrozenTermsData & { format: number };

type LiveIndex = {
  index: SearchIndex;
  ready: Promise<void>;
  version$: Observable<number>;
  flush: () => Promise<void>;
};

const indexes = new WeakMap<FairleadDatabase, LiveIndex>();

const termsOf = (doc: Record<string, unknown>): string[] | null =>
  Array.isArray(doc['searchTerms']) ? (doc['searchTerms'] as string[]) : null;

// What format 1 saved (term buckets, a sorted term list): removed after the first rebuild.
const LEGACY_BUCKETS = 32;
const removeLegacySaves = async (db: FairleadDatabase, key: string): Promise<void> => {
  const keys = [...Array.from({ length: LEGACY_BUCKETS }, (_, b) => `${key}-${b}`)];
  if (key === 'fairlead-search-lead') keys.push('fairlead-search-terms');
  for (const k of keys) await (await db.getLocal(k))?.remove();
};

const buildIndex = (db: FairleadDatabase): LiveIndex => {
  const index = new SearchIndex();
  const projections = sources.map(([type, name]) => {
    const key = `fairlead-search-${type}`;
    let scanned = false;
    return openProjection<string[]>(db, db[name] as unknown as RxCollection, {
      key,
      format: FORMAT,
      valueOf: termsOf,
      onPut: (id, terms) => index.put({ type, id }, terms),
      onRemove: (id) => index.remove({ type, id }),
      state: {
        read: async () => {
          const saved = (await db.getLocal<SavedIndex>(`${key}-index`))?.toJSON().data;
          if (saved?.format !== FORMAT) return false;
          index.restore(type, saved);
          return true;
        },
        write: async () => {
          const data = index.fold(type);
          // A term that cannot be stored: no saved index, the next start scans the records.
          if (data === null) await (await db.getLocal(`${key}-index`))?.remove();
          else await db.upsertLocal<SavedIndex>(`${key}-index`, { ...data, format: FORMAT });
          if (scanned) await removeLegacySaves(db, key);
          scanned = false;
        },
        clear: () => {
          scanned = true;
          index.clear(type);
        },
        unsaved: () => index.changedCount(type),
        writeAfter: FOLD_AFTER,
      },
    });
  });
  const ready = Promise.all(projections.map((p) => p.ready)).then(() => undefined);
  // One emission per change (not one per source), so a keystroke runs one search.
  const version$ = combineLatest(projections.map((p) => p.version$)).pipe(
    map((versions) => versions.reduce((a, b) => a + b, 0)),
  );
  db.onClose.push(() => {
    indexes.delete(db);
  });
  return {
    index,
    ready,
    version$,
    flush: async () => {
      await Promise.all(projections.map((p) => p.flush()));
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
