// What each record adds to the manager's figures, and nothing more: the device keeps these
// small entries (saved in the store, followed change by change) so the dashboard reads them
// instead of every record. A record with nothing to add has no entry.
import { openBalance } from '../domain/invoice-balance';
import type { Activity, Invoice, Lead, Opportunity } from '../domain/records';
import type { WorkType } from './activities';
import type { Forecasted } from './forecast';
import { fairIdOf } from './leads';

/** What the forecast reads (`Forecasted`), plus the owner and the lead it came from. */
export type OpportunityEntry = Forecasted & Pick<Opportunity, 'ownerId' | 'originatingLeadId'>;

export type LeadEntry = Pick<
  Lead,
  'source' | 'sourceDetail' | 'state' | 'qualifiedOpportunityId'
> & {
  tradeFairId: string | null;
};

export type ActivityEntry = Pick<Activity, 'ownerId' | 'state' | 'due'> & { type: WorkType };

/** An invoice still owed: the overdue report's row once its due date has passed. */
export type InvoiceEntry = Pick<
  Invoice,
  'number' | 'ownerId' | 'accountId' | 'dueDate' | 'currency'
> & {
  balance: number;
};

export const opportunityEntryOf = (o: Opportunity): OpportunityEntry => ({
  ownerId: o.ownerId,
  state: o.state,
  status: o.status,
  stage: o.stage,
  probability: o.probability,
  // Records written before forecast categories had none.
  forecastCategory: o.forecastCategory ?? null,
  estimatedRevenue: o.estimatedRevenue,
  actualRevenue: o.actualRevenue,
  currency: o.currency,
  estimatedCloseDate: o.estimatedCloseDate,
  actualCloseDate: o.actualCloseDate,
  originatingLeadId: o.originatingLeadId,
});

export const leadEntryOf = (l: Lead): LeadEntry => ({
  source: l.source,
  sourceDetail: l.sourceDetail,
  state: l.state,
  qualifiedOpportunityId: l.qualifiedOpportunityId,
  tradeFairId: fairIdOf(l as Lead & { tradeFairId?: unknown }),
});

/** System events are the records' history, not work done: no entry. */
export const activityEntryOf = (a: Activity): ActivityEntry | null =>
  a.type === 'system' ? null : { ownerId: a.ownerId, type: a.type, state: a.state, due: a.due };

/** Issued invoices (not credit notes) with something owed; the others have no entry. */
export const invoiceEntryOf = (i: Invoice): InvoiceEntry | null => {
  if (i.documentType !== 'invoice' || i.state !== 'active') return null;
  const balance = openBalance(i);
  if (balance <= 0) return null;
  const { number, ownerId, accountId, dueDate, currency } = i;
  return { number, ownerId, accountId, dueDate, currency, balance };
};
