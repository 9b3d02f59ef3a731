// The manager's figures kept up to date record by record: each change takes the record's old
// entry (entries.ts) out of the sums and puts the new one in, so opening the dashboard reads
// a few hundred group totals instead of every record. Amounts are summed per currency in
// minor units (integers, so taking out is exact) and converted only when read
// (aggregate-figures.ts), as the full computations do; a group or currency whose last
// record left is dropped, so a missing exchange rate is named only while it matters.
import { forecastCategoryOf } from '../domain/forecast';
import type { Lead, Opportunity } from '../domain/records';
import type { WorkType } from './activities';
import { workTypes } from './activities';
import { weightedAmount } from './base-sum';
import type { ActivityEntry, InvoiceEntry, LeadEntry, OpportunityEntry } from './entries';
import { monthOf, revenueOf, weightedOf } from './forecast';
import { fairOf } from './leads';

type Sign = 1 | -1;

type CurrencyTotals = { n: number; amount: number; weighted: number };
/** Records of a group and their amounts per currency. */
export type MoneyGroup = { count: number; perCurrency: Map<string, CurrencyTotals> };

const changeGroup = (
  groups: Map<string, MoneyGroup>,
  key: string,
  currency: string,
  amount: number,
  weighted: number,
  sign: Sign,
): void => {
  let group = groups.get(key);
  if (group === undefined) groups.set(key, (group = { count: 0, perCurrency: new Map() }));
  group.count += sign;
  let totals = group.perCurrency.get(currency);
  if (totals === undefined)
    group.perCurrency.set(currency, (totals = { n: 0, amount: 0, weighted: 0 }));
  totals.n += sign;
  totals.amount += sign * amount;
  totals.weighted += sign * weighted;
  if (totals.n === 0) group.perCurrency.delete(currency);
  if (group.count === 0) groups.delete(key);
};

const changeCount = (counts: Map<string, number>, key: string, sign: Sign): void => {
  const n = (counts.get(key) ?? 0) + sign;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
};

/** Index of the first value not below `value` in a sorted array. */
export const lowerBound = (sorted: readonly string[], value: string): number => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export type SellerWork = {
  byType: Record<WorkType, number>;
  total: number;
  /** Due instants of the open tasks and appointments, sorted: overdue is counted when read. */
  dues: string[];
};

export type FairGroup = {
  count: number;
  qualified: number;
  /** Each lead's name for the fair: the row takes the first lead's (by id), as a full read. */
  names: Map<string, string>;
  first: { id: string; name: string };
};

/** Joined key of two parts (a month and an owner, a month and a forecast category). */
export const pair = (a: string, b: string): string => `${a}\u0000${b}`;

export class DashboardAggregates {
  readonly openByStage = new Map<string, MoneyGroup>();
  readonly openByOwner = new Map<string, MoneyGroup>();
  /** By close month and forecast category: amount = revenue, weighted = weighted revenue. */
  readonly forecast = new Map<string, MoneyGroup>();
  undated = 0;
  /** Closed deals by close month and owner, and the won ones with their revenue. */
  readonly closed = new Map<string, number>();
  readonly won = new Map<string, MoneyGroup>();
  /** The funnel's join: each opportunity's state, and the opportunities each lead made. */
  readonly opportunityStates = new Map<string, Opportunity['state']>();
  readonly originating = new Map<string, Set<string>>();
  leadCount = 0;
  readonly qualifiedLeads = new Map<string, string | null>();
  readonly bySource = new Map<Lead['source'], { count: number; qualified: number }>();
  readonly fairs = new Map<string, FairGroup>();
  readonly work = new Map<string, SellerWork>();
  readonly owed = new Map<string, InvoiceEntry>();

  opportunity(
    id: string,
    previous: OpportunityEntry | undefined,
    next: OpportunityEntry | undefined,
  ) {
    if (previous !== undefined) this.applyOpportunity(id, previous, -1);
    if (next !== undefined) this.applyOpportunity(id, next, 1);
  }

  lead(id: string, previous: LeadEntry | undefined, next: LeadEntry | undefined) {
    if (previous !== undefined) this.applyLead(id, previous, -1);
    if (next !== undefined) this.applyLead(id, next, 1);
  }

  activity(previous: ActivityEntry | undefined, next: ActivityEntry | undefined) {
    if (previous !== undefined) this.applyActivity(previous, -1);
    if (next !== undefined) this.applyActivity(next, 1);
  }

  invoice(id: string, next: InvoiceEntry | undefined) {
    if (next === undefined) this.owed.delete(id);
    else this.owed.set(id, next);
  }

  private applyOpportunity(id: string, o: OpportunityEntry, sign: Sign): void {
    if (o.state === 'open') {
      const weighted = weightedAmount(o.estimatedRevenue, o.probability);
      changeGroup(this.openByStage, o.stage, o.currency, o.estimatedRevenue, weighted, sign);
      changeGroup(this.openByOwner, o.ownerId, o.currency, o.estimatedRevenue, weighted, sign);
    }
    const month = monthOf(o);
    if (month === null) this.undated += sign;
    else {
      const category = forecastCategoryOf(o);
      const key = pair(month, category);
      changeGroup(this.forecast, key, o.currency, revenueOf(o), weightedOf(o, category), sign);
    }
    if (o.state !== 'open' && o.actualCloseDate !== null) {
      const key = pair(o.actualCloseDate.slice(0, 7), o.ownerId);
      changeCount(this.closed, key, sign);
      if (o.state === 'won') changeGroup(this.won, key, o.currency, revenueOf(o), 0, sign);
    }
    if (sign > 0) this.opportunityStates.set(id, o.state);
    else this.opportunityStates.delete(id);
    if (o.originatingLeadId !== null) {
      let made = this.originating.get(o.originatingLeadId);
      if (made === undefined) this.originating.set(o.originatingLeadId, (made = new Set()));
      if (sign > 0) made.add(id);
      else made.delete(id);
      if (made.size === 0) this.originating.delete(o.originatingLeadId);
    }
  }

  private applyLead(id: string, l: LeadEntry, sign: Sign): void {
    const qualified = l.state === 'qualified' ? sign : 0;
    this.leadCount += sign;
    if (qualified > 0) this.qualifiedLeads.set(id, l.qualifiedOpportunityId);
    else if (qualified < 0) this.qualifiedLeads.delete(id);
    const source = this.bySource.get(l.source) ?? { count: 0, qualified: 0 };
    source.count += sign;
    source.qualified += qualified;
    this.bySource.set(l.source, source);
    const fair = fairOf(l);
    if (fair === null) return;
    let group = this.fairs.get(fair.key);
    if (group === undefined) {
      group = { count: 0, qualified: 0, names: new Map(), first: { id, name: fair.name } };
      this.fairs.set(fair.key, group);
    }
    group.count += sign;
    group.qualified += qualified;
    if (sign > 0) {
      group.names.set(id, fair.name);
      if (id <= group.first.id) group.first = { id, name: fair.name };
      return;
    }
    group.names.delete(id);
    if (group.count === 0) this.fairs.delete(fair.key);
    else if (id === group.first.id) {
      // The fair's first lead left: the next one by id names it (rare, and one fair's leads).
      let first: { id: string; name: string } | undefined;
      for (const [other, name] of group.names)
        if (first === undefined || other < first.id) first = { id: other, name };
      if (first !== undefined) group.first = first;
    }
  }

  private applyActivity(a: ActivityEntry, sign: Sign): void {
    let seller = this.work.get(a.ownerId);
    if (seller === undefined) {
      const byType = Object.fromEntries(workTypes.map((t) => [t, 0])) as Record<WorkType, number>;
      this.work.set(a.ownerId, (seller = { byType, total: 0, dues: [] }));
    }
    seller.byType[a.type] += sign;
    seller.total += sign;
    if (a.state === 'open' && a.due !== null) {
      const at = lowerBound(seller.dues, a.due);
      if (sign > 0) seller.dues.splice(at, 0, a.due);
      else if (seller.dues[at] === a.due) seller.dues.splice(at, 1);
    }
    if (seller.total === 0) this.work.delete(a.ownerId);
  }
}
