// Newest-first lists over many records. RxDB serves only ascending sorts from an index and
// re-sorts everything a descending query matches, so a plain "newest first" over 100k leads
// reads all of them. Instead the query reads a recent window of the indexed `createdAt`: the
// window's start is found with index counts (IndexedDB counts keys without reading
// documents), so it holds about as many rows as the page needs. The live query keeps a limit,
// so RxDB's event-reduce puts a new record at the top without running the query again.
import type { MangoQuerySelector, RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { combineLatest, defer, from, map, of, switchMap, takeWhile } from 'rxjs';
import { plain } from './shared';

type Selector = Record<string, unknown>;

// Window start search: the first window is this share of the records' time span, then it
// grows fourfold; a window holding more than SLACK × the rows needed is narrowed by halving.
const FIRST_SHARE = 1 / 1024;
const GROWTH = 4;
const SLACK = 3;
const MAX_HALVINGS = 16;

const isPlainValue = (v: unknown): v is string | number =>
  typeof v === 'string' || typeof v === 'number';

const inValues = (v: unknown): (string | number)[] | null => {
  if (typeof v !== 'object' || v === null || !('$in' in v)) return null;
  const values = (v as { $in: unknown }).$in;
  return Array.isArray(values) && values.every(isPlainValue) ? values : null;
};

/** Fields with an index `[field, createdAt, …]`: an equality on one counts by index. */
const createdAtPartners = (collection: RxCollection): Set<string> =>
  new Set(
    collection.schema.indexes
      .filter((index) => index.length >= 2 && index[1] === 'createdAt')
      .map((index) => index[0] as string),
  );

/**
 * Finds the newest start `from` such that `createdAt >= from` holds at least `target` rows of
 * `keyed` (equalities an index serves); null when the whole range is no bigger than needed.
 */
const windowStart = async <T extends { createdAt: string }>(
  collection: RxCollection<T>,
  keyed: Selector,
  target: number,
  now: number,
): Promise<string | null> => {
  const count = (start: number) =>
    collection
      .count({
        selector: { ...keyed, createdAt: { $gte: new Date(start).toISOString() } },
      } as never)
      .exec();
  const oldest = await collection
    .findOne({ selector: keyed, sort: [{ createdAt: 'asc' }] } as never)
    .exec();
  if (oldest === null) return null;
  const oldestMs = Date.parse((oldest as unknown as T).createdAt);
  // Rows dated after `now` (a device clock behind the office's) are inside every window.
  const newestMs = Math.max(now, oldestMs);
  const span = Math.max(newestMs - oldestMs, 1);
  let late = newestMs; // too few rows from here on (or the first probe)
  let step = Math.max(span * FIRST_SHARE, 60_000);
  let early: number;
  let earlyCount: number;
  for (;;) {
    const start = newestMs - step;
    if (start <= oldestMs) return null;
    const n = await count(start);
    if (n >= target) {
      early = start;
      earlyCount = n;
      break;
    }
    late = start;
    step *= GROWTH;
  }
  // Narrow a window far bigger than needed (records bunched in time, e.g. one fair's import).
  for (let i = 0; i < MAX_HALVINGS && earlyCount > target * SLACK && late - early > 1000; i++) {
    const mid = Math.round((early + late) / 2);
    const n = await count(mid);
    if (n >= target) {
      early = mid;
      earlyCount = n;
    } else {
      late = mid;
    }
  }
  return new Date(early).toISOString();
};

const newestFirst =
  (primary: string) =>
  <T extends { createdAt: string }>(a: T, b: T): number => {
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
    const ka = (a as unknown as Record<string, string>)[primary] ?? '';
    const kb = (b as unknown as Record<string, string>)[primary] ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

/** The newest `needed` rows of one index key (`keyed`) that also match `rest`. */
const keyedNewest$ = <T extends { createdAt: string }>(
  collection: RxCollection<T>,
  keyed: Selector,
  rest: Selector,
  needed: number,
  now: () => number,
): Observable<T[]> => {
  const query$ = (start: string | null) =>
    plain(
      collection.find({
        selector: {
          ...rest,
          ...keyed,
          ...(start === null ? {} : { createdAt: { $gte: start } }),
        } as MangoQuerySelector<T>,
        sort: [{ createdAt: 'desc' } as never],
        limit: needed,
      }).$,
    );
  // `target` grows when the other filters leave too few rows in the window.
  const windowed = (target: number): Observable<T[]> =>
    defer(() => from(windowStart(collection, keyed, target, now()))).pipe(
      switchMap((start) => {
        if (start === null) return query$(null);
        // Too few rows in this window (filtered out, or records left it): leave it for a
        // wider one rather than keep both live.
        return query$(start).pipe(
          takeWhile((rows) => rows.length >= needed, true),
          switchMap((rows) => (rows.length >= needed ? of(rows) : windowed(target * GROWTH))),
        );
      }),
    );
  return windowed(needed);
};

export const recentFirst$ = <T extends { createdAt: string }>(
  collection: RxCollection<T>,
  selector: MangoQuerySelector<T>,
  page: { limit: number; skip: number },
  now: () => number = Date.now,
): Observable<T[]> => {
  const needed = page.limit + page.skip;
  if (needed <= 0) return of([]);
  const partners = createdAtPartners(collection as RxCollection);
  const fields = selector as Selector;
  // One field with a [field, createdAt] index: an equality keys the window counts; a $in is
  // split into one keyed list per value, merged here.
  const keyField = Object.keys(fields).find(
    (f) => partners.has(f) && (isPlainValue(fields[f]) || inValues(fields[f]) !== null),
  );
  const { [keyField ?? '']: keyValue, ...rest } = fields;
  const keys: Selector[] =
    keyField === undefined
      ? [{}]
      : isPlainValue(keyValue)
        ? [{ [keyField]: keyValue }]
        : (inValues(keyValue) ?? []).map((v) => ({ [keyField]: v }));
  const lists = keys.map((keyed) =>
    keyedNewest$(collection, keyed, keyField === undefined ? fields : rest, needed, now),
  );
  const order = newestFirst(collection.schema.primaryPath as string);
  const merged$ =
    lists.length === 1
      ? (lists[0] as Observable<T[]>)
      : combineLatest(lists).pipe(map((all) => all.flat().sort(order)));
  return merged$.pipe(map((rows) => rows.slice(page.skip, page.skip + page.limit)));
};
