// How far along its lifecycle a record is (DESIGN.md §3), so a merge never moves state
// backwards: of two concurrent lifecycle changes, the more advanced one wins. The ranks are
// those of the lifecycle tables (shared/domain/lifecycle-tables.ts).
import type { LifecycleTables } from '../domain/lifecycle-derive';
import type { LifecycleTable } from '../domain/lifecycle-kit';
import { lifecycleTables } from '../domain/lifecycle-tables';
import type { RecordType } from '../domain/records';

/** The fields that move together as one lifecycle step: a state and its status reason. */
export type LifecycleRank = {
  /** Rank of each state: higher is further along; terminal alternatives share a rank. */
  readonly state: Readonly<Record<string, number>>;
  /** Rank of each status reason, used when two sides are in states of equal rank. */
  readonly status: Readonly<Record<string, number>>;
};

/** The ranks of one lifecycle table: each state's, and each status reason's. */
export const ranksOf = (table: LifecycleTable): LifecycleRank => {
  const states = Object.entries(table.states);
  return {
    state: Object.fromEntries(states.map(([state, s]) => [state, s.rank])),
    status: Object.fromEntries(states.flatMap(([, s]) => Object.entries(s.statuses ?? {}))),
  };
};

/** Lifecycle ranks per record type from its lifecycle table; types without one are absent. */
export const deriveLifecycleOrder = (
  tables: LifecycleTables,
): Partial<Record<RecordType, LifecycleRank>> =>
  Object.fromEntries(
    Object.entries(tables).map(([type, table]) => [type, ranksOf(table)]),
  ) as Partial<Record<RecordType, LifecycleRank>>;

/** Lifecycle ranks per record type; types without a lifecycle are absent. */
export const lifecycleOrder: Partial<Record<RecordType, LifecycleRank>> =
  deriveLifecycleOrder(lifecycleTables);

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
