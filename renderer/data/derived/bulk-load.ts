// Whether the store is receiving a bulk load (a first sync, a full re-sync after a server
// restore). Derived state (the search index, the pipeline totals) skips the pulled pages
// meanwhile and is rebuilt once when the load ends, instead of once per page.
import type { Observable } from 'rxjs';
import { BehaviorSubject, distinctUntilChanged } from 'rxjs';
import type { FairleadDatabase } from '../database';

const loads = new WeakMap<FairleadDatabase, BehaviorSubject<boolean>>();

const subjectOf = (db: FairleadDatabase): BehaviorSubject<boolean> => {
  let subject = loads.get(db);
  if (subject === undefined) {
    subject = new BehaviorSubject(false);
    loads.set(db, subject);
  }
  return subject;
};

export const setBulkLoad = (db: FairleadDatabase, active: boolean): void => {
  const subject = subjectOf(db);
  if (subject.value !== active) subject.next(active);
};

export const isBulkLoading = (db: FairleadDatabase): boolean => subjectOf(db).value;

export const bulkLoad$ = (db: FairleadDatabase): Observable<boolean> =>
  subjectOf(db).pipe(distinctUntilChanged());
