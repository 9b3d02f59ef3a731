// Newest-first lists over many records. RxDB serves only ascending sorts from an index and
// re-sorts everything a descending query matches, so a plain "newest first" over 100k leads
// reads all of them. Instead the query first looks at a recent window of the indexed
// `createdAt` (a range scan) and widens it only while that window holds too few rows.
import type { MangoQuerySelector, RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { map, switchMap } from 'rxjs';
import { plain } from './shared';

const DAY_MS = 86_400_000;
// Windows before `now`; the last one has no lower bound. Rows dated after `now` (a device
// clock behind the office's) are inside every window.
const WINDOWS_DAYS = [30, 180, 730, null] as const;

export const recentFirst$ = <T extends { createdAt: string }>(
  collection: RxCollection<T>,
  selector: MangoQuerySelector<T>,
  page: { limit: number; skip: number },
  now: () => number = Date.now,
): Observable<T[]> => {
  const needed = page.limit + page.skip;
  const windowed = (step: number): Observable<T[]> => {
    const days = WINDOWS_DAYS[step] ?? null;
    const from = days === null ? null : new Date(now() - days * DAY_MS).toISOString();
    const rows$ = plain(
      collection.find({
        selector:
          from === null
            ? selector
            : ({ ...selector, createdAt: { $gte: from } } as MangoQuerySelector<T>),
        sort: [{ createdAt: 'desc' } as never],
        limit: needed,
      }).$,
    );
    if (days === null) return rows$;
    // Too few rows in this window: the answer lies in a wider one.
    return rows$.pipe(switchMap((rows) => (rows.length >= needed ? [rows] : windowed(step + 1))));
  };
  return windowed(0).pipe(map((rows) => rows.slice(page.skip, page.skip + page.limit)));
};
