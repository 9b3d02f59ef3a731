// A record with its timeline: the activities regarding it, newest first.
import type { Observable } from 'rxjs';
import { combineLatest, map } from 'rxjs';
import type { Activity, RecordOf, RegardingType } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { collectionOf } from '../write';
import { plain } from './shared';

/** One record, live; null when it is not (or no longer) on the device. */
export const record$ = <K extends keyof RecordOf>(
  db: FairleadDatabase,
  type: K,
  id: string,
): Observable<RecordOf[K] | null> =>
  collectionOf(db, type)
    .findOne(id)
    .$.pipe(map((doc) => (doc === null ? null : (doc.toJSON() as unknown as RecordOf[K]))));

/** The timeline of a record, newest first (served by the regarding index). */
export const timeline$ = (
  db: FairleadDatabase,
  type: RegardingType,
  id: string,
  limit = 200,
): Observable<Activity[]> =>
  plain(
    db.activities.find({
      selector: { regardingType: type, regardingId: id },
      sort: [{ occurredAt: 'desc' }],
      limit,
    }).$,
  );

export type RecordDetail<K extends RegardingType> = {
  record: RecordOf[K] | null;
  timeline: Activity[];
};

export const recordDetail$ = <K extends RegardingType>(
  db: FairleadDatabase,
  type: K,
  id: string,
): Observable<RecordDetail<K>> =>
  combineLatest([record$(db, type, id), timeline$(db, type, id)]).pipe(
    map(([record, timeline]) => ({ record, timeline })),
  );
