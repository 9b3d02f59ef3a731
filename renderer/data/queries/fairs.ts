// Trade fairs and the leads captured at them: the fair picker's list, one fair's leads (the
// lead list's fair filter) and how many leads each fair brought.
import type { MangoQuerySelector } from 'rxdb';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { Lead, TradeFair } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import { plain } from './shared';

/** Every fair on the device, by first day. */
export const tradeFairs$ = (db: FairleadDatabase): Observable<TradeFair[]> =>
  plain(db.tradefairs.find({ sort: [{ startDate: 'asc' }] }).$);

// A fair's leads are trade-fair leads: the source index narrows the read to those.
const atFairs = (tradeFairId?: string): MangoQuerySelector<Lead> =>
  ({
    source: 'trade_fair',
    ...(tradeFairId === undefined ? {} : { tradeFairId }),
  }) as MangoQuerySelector<Lead>;

/** The leads captured at one fair, newest first (a fair brings hundreds, not millions). */
export const fairLeads$ = (db: FairleadDatabase, tradeFairId: string): Observable<Lead[]> =>
  plain(db.leads.find({ selector: atFairs(tradeFairId), sort: [{ createdAt: 'desc' }] }).$);

/** How many leads each fair brought, by fair id (fairs without leads are absent). */
export const leadCountsByFair$ = (db: FairleadDatabase): Observable<Record<string, number>> =>
  db.leads.find({ selector: atFairs() }).$.pipe(
    map((docs) => {
      const counts: Record<string, number> = {};
      for (const doc of docs) {
        const id = doc.tradeFairId;
        if (id !== null) counts[id] = (counts[id] ?? 0) + 1;
      }
      return counts;
    }),
  );
