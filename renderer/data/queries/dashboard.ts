// The manager's dashboard reads sums kept up to date (shared/dashboard/aggregates.ts), not the
// team's records: each record's small entry is derived state (derived/projection.ts), saved
// in the store's local documents, read back at start-up with the changes since, rebuilt
// once after a bulk load; every entry change moves the sums. Opening the dashboard then
// costs the read-back of the entries, never a query over every opportunity, lead, activity
// and invoice.
import type { RxCollection } from 'rxdb';
import type { Observable } from 'rxjs';
import { combineLatest, from, map, switchMap } from 'rxjs';
import type {
  ActivityEntry,
  InvoiceEntry,
  LeadEntry,
  OpportunityEntry,
} from '../../../shared/dashboard';
import {
  DashboardAggregates,
  activityEntryOf,
  invoiceEntryOf,
  leadEntryOf,
  opportunityEntryOf,
} from '../../../shared/dashboard';
import type { Activity, Invoice, Lead, Opportunity, Refdata } from '../../../shared/domain/records';
import type { FairleadDatabase } from '../database';
import type { LiveProjection } from '../derived/projection';
import { openProjection } from '../derived/projection';
import { plain } from './shared';

/** The kept sums, and the reference data they are read with (exchange rates, team members). */
export type DashboardSource = { aggregates: DashboardAggregates; refdata: Refdata[] };

// Raised when an entry of shared/dashboard/entries.ts changes: saved entries are rebuilt.
const FORMAT = 1;

type Live = { aggregates: DashboardAggregates; projections: LiveProjection<unknown>[] };

const opened = new WeakMap<FairleadDatabase, Live>();

const openDashboard = (db: FairleadDatabase): Live => {
  const found = opened.get(db);
  if (found !== undefined) return found;
  const aggregates = new DashboardAggregates();
  const project = <V>(
    collection: RxCollection,
    name: string,
    valueOf: (doc: Record<string, unknown>) => V | null,
    follow: (id: string, previous: V | undefined, next: V | undefined) => void,
  ) =>
    openProjection<V>(db, collection, {
      key: `fairlead-dashboard-${name}`,
      format: FORMAT,
      valueOf,
      onPut: (id, value, previous) => follow(id, previous, value),
      onRemove: (id, previous) => follow(id, previous, undefined),
    }) as LiveProjection<unknown>;
  const projections = [
    project<OpportunityEntry>(
      db.opportunities as unknown as RxCollection,
      'opportunity',
      (doc) => opportunityEntryOf(doc as unknown as Opportunity),
      (id, previous, next) => aggregates.opportunity(id, previous, next),
    ),
    project<LeadEntry>(
      db.leads as unknown as RxCollection,
      'lead',
      (doc) => leadEntryOf(doc as unknown as Lead),
      (id, previous, next) => aggregates.lead(id, previous, next),
    ),
    project<ActivityEntry>(
      db.activities as unknown as RxCollection,
      'activity',
      (doc) => activityEntryOf(doc as unknown as Activity),
      (_id, previous, next) => aggregates.activity(previous, next),
    ),
    project<InvoiceEntry>(
      db.invoices as unknown as RxCollection,
      'invoice',
      (doc) => invoiceEntryOf(doc as unknown as Invoice),
      (id, _previous, next) => aggregates.invoice(id, next),
    ),
  ];
  const live = { aggregates, projections };
  opened.set(db, live);
  db.onClose.push(() => opened.delete(db));
  return live;
};

/** Reads the dashboard's entries back now (at start-up) rather than when it opens. */
export const prepareDashboard = (db: FairleadDatabase): Promise<void> =>
  Promise.all(openDashboard(db).projections.map((p) => p.ready)).then(() => undefined);

/** Saves the entries not saved yet (before closing the store, in tests). */
export const saveDashboard = (db: FairleadDatabase): Promise<void> =>
  Promise.all(openDashboard(db).projections.map((p) => p.flush())).then(() => undefined);

/** How each collection's entries were last loaded: read back, or rebuilt from the records. */
export const dashboardLoadedFrom = (db: FairleadDatabase): ('saved' | 'scan')[] =>
  openDashboard(db).projections.map((p) => p.loadedFrom());

/** The kept sums, again after every change of a record they count. */
export const dashboard$ = (db: FairleadDatabase): Observable<DashboardSource> => {
  const live = openDashboard(db);
  const versions$ = from(prepareDashboard(db)).pipe(
    switchMap(() => combineLatest(live.projections.map((p) => p.version$))),
  );
  const refdata$ = plain(
    db.refdata.find({ selector: { kind: { $in: ['exchange_rate', 'team_member'] } } }).$,
  );
  return combineLatest([versions$, refdata$]).pipe(
    map(([, refdata]) => ({ aggregates: live.aggregates, refdata })),
  );
};
