// How far along its lifecycle a record is (DESIGN.md §3), so a merge never moves state
// backwards: of two concurrent lifecycle changes, the more advanced one wins.
import type { RecordType } from '../domain/records';

/** The fields that move together as one lifecycle step: a state and its status reason. */
export type LifecycleRank = {
  /** Rank of each state: higher is further along; terminal alternatives share a rank. */
  readonly state: Readonly<Record<string, number>>;
  /** Rank of each status reason, used when two sides are in states of equal rank. */
  readonly status: Readonly<Record<string, number>>;
};

const lead: LifecycleRank = {
  state: { open: 0, qualified: 1, disqualified: 1 },
  status: {
    new: 0,
    contacted: 1,
    qualified: 2,
    lost: 2,
    cannot_contact: 2,
    no_longer_interested: 2,
    canceled: 2,
  },
};

const opportunity: LifecycleRank = {
  state: { open: 0, won: 1, lost: 1 },
  // In progress and on hold are both "open": neither is ahead of the other.
  status: { in_progress: 0, on_hold: 0, won: 1, canceled: 1, out_sold: 1 },
};

const quote: LifecycleRank = {
  state: { draft: 0, active: 1, won: 2, closed: 2 },
  status: { in_progress: 0, open: 1, won: 2, lost: 2, canceled: 2, revised: 2 },
};

const order: LifecycleRank = {
  state: { active: 0, fulfilled: 1, invoiced: 2, canceled: 2 },
  status: { new: 0, fulfilled: 1, invoiced: 2, canceled: 2 },
};

const invoice: LifecycleRank = {
  state: { active: 0, paid: 1, canceled: 1 },
  status: { billed: 0, paid: 1, canceled: 1 },
};

const activity: LifecycleRank = {
  state: { open: 0, completed: 1, canceled: 1 },
  status: {},
};

/** Lifecycle ranks per record type; types without a lifecycle are absent. */
export const lifecycleOrder: Partial<Record<RecordType, LifecycleRank>> = {
  lead,
  opportunity,
  quote,
  order,
  invoice,
  activity,
};

/** Opportunity sales stages, in the order of the business process flow. */
export const stageOrder: Readonly<Record<string, number>> = {
  qualify: 0,
  develop: 1,
  propose: 2,
  close: 3,
};

/**
 * Compares two lifecycle positions: > 0 when `a` is further along than `b`, < 0 when behind,
 * 0 when they are equally far (the same step, or alternative terminal outcomes).
 * Unknown values rank lowest, so a value this version does not know never wins by rank.
 */
export const compareLifecycle = (
  rank: LifecycleRank,
  a: { state?: unknown; status?: unknown },
  b: { state?: unknown; status?: unknown },
): number => {
  const r = (table: Readonly<Record<string, number>>, v: unknown): number =>
    typeof v === 'string' ? (table[v] ?? -1) : -1;
  return (
    r(rank.state, a.state) - r(rank.state, b.state) ||
    r(rank.status, a.status) - r(rank.status, b.status)
  );
};

export const compareStage = (a: unknown, b: unknown): number => {
  const r = (v: unknown): number => (typeof v === 'string' ? (stageOrder[v] ?? -1) : -1);
  return r(a) - r(b);
};
