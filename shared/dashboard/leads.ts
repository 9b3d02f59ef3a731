// Where the team's leads come from and how far they go: the funnel lead → qualified →
// opportunity → won, leads by source, and leads by trade fair.
import type { Lead, Opportunity } from '../domain/records';
import { leadSources } from '../domain/records';
import { groupBy } from './base-sum';

export const funnelSteps = ['lead', 'qualified', 'opportunity', 'won'] as const;
export type FunnelStep = (typeof funnelSteps)[number];
export type FunnelRow = {
  step: FunnelStep;
  count: number;
  /** Share of the step before (0…1); null on the first step or after an empty one. */
  fromPrevious: number | null;
};

type FunnelLead = Pick<Lead, 'id' | 'state' | 'qualifiedOpportunityId'>;
type FunnelOpportunity = Pick<Opportunity, 'id' | 'state' | 'originatingLeadId'>;

/**
 * Every lead; those qualified; those whose qualifying made an opportunity; those whose
 * opportunity was won. An opportunity counts through its lead (`qualifiedOpportunityId`, or
 * the opportunity's `originatingLeadId`), so each lead counts once per step.
 */
export const leadFunnel = (
  leads: readonly FunnelLead[],
  opportunities: readonly FunnelOpportunity[],
): FunnelRow[] => {
  const byId = new Map(opportunities.map((o) => [o.id, o]));
  const fromLead = new Map(
    opportunities.flatMap((o) => (o.originatingLeadId === null ? [] : [[o.originatingLeadId, o]])),
  );
  const opportunityOf = (l: FunnelLead) =>
    (l.qualifiedOpportunityId === null ? undefined : byId.get(l.qualifiedOpportunityId)) ??
    fromLead.get(l.id);
  const qualified = leads.filter((l) => l.state === 'qualified');
  const withOpportunity = qualified.filter((l) => opportunityOf(l) !== undefined);
  const won = withOpportunity.filter((l) => opportunityOf(l)?.state === 'won');
  return funnelRows([leads.length, qualified.length, withOpportunity.length, won.length]);
};

/** The funnel's rows from the count at each step. */
export const funnelRows = (counts: readonly number[]): FunnelRow[] =>
  funnelSteps.map((step, i) => {
    const previous = i === 0 ? 0 : (counts[i - 1] ?? 0);
    const count = counts[i] ?? 0;
    return { step, count, fromPrevious: i === 0 || previous === 0 ? null : count / previous };
  });

export type SourceRow = { source: Lead['source']; count: number; qualified: number };

/** Leads per source, every source listed. */
export const leadsBySource = (leads: readonly Pick<Lead, 'source' | 'state'>[]): SourceRow[] => {
  const bySource = groupBy(leads, (l) => l.source);
  return leadSources.map((source) => {
    const group = bySource.get(source) ?? [];
    return {
      source,
      count: group.length,
      qualified: group.filter((l) => l.state === 'qualified').length,
    };
  });
};

export type FairRow = {
  /** The trade fair's id when leads carry one, else the source detail the seller typed. */
  key: string;
  /** The fair's name, or the source detail; '' when the lead names no fair. */
  name: string;
  count: number;
  qualified: number;
};

export type FairLead = Pick<Lead, 'source' | 'sourceDetail' | 'state'> & { tradeFairId?: unknown };

export const fairIdOf = (lead: FairLead): string | null =>
  typeof lead.tradeFairId === 'string' && lead.tradeFairId !== '' ? lead.tradeFairId : null;

/**
 * The fair a lead counts for: its `tradeFairId` where it has one (named from `fairNames`),
 * otherwise a trade-fair lead's source detail (case and spaces ignored); null for none.
 */
export const fairOf = (
  lead: FairLead,
  fairNames: ReadonlyMap<string, string> = new Map(),
): { key: string; name: string } | null => {
  const fairId = fairIdOf(lead);
  if (fairId === null && lead.source !== 'trade_fair') return null;
  const detail = lead.sourceDetail.trim().replace(/\s+/g, ' ');
  return fairId === null
    ? { key: `detail:${detail.toLowerCase()}`, name: detail }
    : { key: fairId, name: fairNames.get(fairId) ?? (detail || fairId) };
};

/** The larger fair first, then by name. */
export const byFairSize = (a: FairRow, b: FairRow): number =>
  b.count - a.count || a.name.localeCompare(b.name);

/** Leads per trade fair (`fairOf`), each row named after its first lead. */
export const leadsByTradeFair = (
  leads: readonly FairLead[],
  fairNames: ReadonlyMap<string, string> = new Map(),
): FairRow[] => {
  const rows = new Map<string, FairRow>();
  for (const lead of leads) {
    const fair = fairOf(lead, fairNames);
    if (fair === null) continue;
    const row = rows.get(fair.key) ?? { ...fair, count: 0, qualified: 0 };
    row.count += 1;
    if (lead.state === 'qualified') row.qualified += 1;
    rows.set(fair.key, row);
  }
  return [...rows.values()].sort(byFairSize);
};
