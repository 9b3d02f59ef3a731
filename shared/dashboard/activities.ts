// What each seller did: activities per owner and type. System events are the records' own
// history, not work done, so they are not counted.
import type { Activity } from '../domain/records';
import { activityTypes } from '../domain/records';

export const workTypes = activityTypes.filter(
  (t): t is Exclude<Activity['type'], 'system'> => t !== 'system',
);
export type WorkType = (typeof workTypes)[number];

export type ActivityRow = {
  ownerId: string;
  byType: Record<WorkType, number>;
  total: number;
  /** Open tasks and appointments past their due instant. */
  overdue: number;
};

type Counted = Pick<Activity, 'ownerId' | 'type' | 'state' | 'due' | 'occurredAt'>;

/** Per owner, the busiest first; `since` (ISO instant) keeps activities that happened since. */
export const activitiesBySeller = (
  activities: readonly Counted[],
  now: string,
  since?: string,
): ActivityRow[] => {
  const rows = new Map<string, ActivityRow>();
  for (const a of activities) {
    if (a.type === 'system') continue;
    if (since !== undefined && a.occurredAt < since) continue;
    let row = rows.get(a.ownerId);
    if (row === undefined) {
      const byType = Object.fromEntries(workTypes.map((t) => [t, 0])) as Record<WorkType, number>;
      rows.set(a.ownerId, (row = { ownerId: a.ownerId, byType, total: 0, overdue: 0 }));
    }
    row.byType[a.type] += 1;
    row.total += 1;
    if (a.state === 'open' && a.due !== null && a.due < now) row.overdue += 1;
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || (a.ownerId < b.ownerId ? -1 : 1));
};
