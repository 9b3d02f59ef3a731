// The timeline entry that keeps the losing side of a merge (DESIGN.md §4), so a person can
// review it: one 'system' activity with event 'sync.conflict' per clashing field.
import { derivedId } from '../domain/ids';
import type { Activity, RecordType, RegardingType } from '../domain/records';
import { regardingTypes } from '../domain/records';
import type { MergeConflict } from './merge-values';

export const SYNC_CONFLICT_EVENT = 'sync.conflict';

/** The record a merge ran on: enough to place the activity on its timeline. */
export type MergedRecordRef = {
  type: RecordType;
  id: string;
  ownerId: string;
  /** The master's updatedAt at the time of the merge: part of the activity's identity. */
  masterUpdatedAt: string;
};

/** True for the record types that have a timeline. */
export const hasTimeline = (type: RecordType): type is RegardingType =>
  (regardingTypes as readonly string[]).includes(type);

/**
 * The id is derived from record id + master updatedAt + path (+ the value not kept), so
 * running the same merge again (after a crash, on a second window) writes the same
 * activity, while two devices losing different values against one master keep both.
 */
export const conflictActivityId = (
  recordId: string,
  masterUpdatedAt: string,
  path: string,
  lostValue?: unknown,
) =>
  derivedId(
    recordId,
    `sync.conflict:${masterUpdatedAt}:${path}` +
      (lostValue === undefined ? '' : `:${JSON.stringify(lostValue)}`),
  );

const describe = (v: unknown): string => {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
};

/**
 * The conflict activity for one clashing field. `now` should be the merged record's
 * updatedAt (not the device clock), so every device that runs the same merge writes the
 * very same activity and the copies sync as one. `actorId` is who merged.
 */
export const conflictActivity = (
  record: MergedRecordRef & { type: RegardingType },
  conflict: MergeConflict,
  now: string,
  actorId: string,
): Activity => {
  const kept = conflict.winner === 'master' ? conflict.masterValue : conflict.localValue;
  const lost = conflict.winner === 'master' ? conflict.localValue : conflict.masterValue;
  return {
    id: conflictActivityId(record.id, record.masterUpdatedAt, conflict.path, lost ?? null),
    ownerId: record.ownerId,
    createdAt: now,
    updatedAt: now,
    updatedBy: actorId,
    type: 'system',
    regardingType: record.type,
    regardingId: record.id,
    subject: `Sync conflict on ${conflict.path}`.slice(0, 300),
    body: `Kept: ${describe(kept)}\nNot kept: ${describe(lost)}`.slice(0, 20000),
    event: SYNC_CONFLICT_EVENT,
    data: {
      path: conflict.path,
      localValue: conflict.localValue ?? null,
      masterValue: conflict.masterValue ?? null,
      winner: conflict.winner,
    },
    due: null,
    completedAt: null,
    // Open until a person has reviewed the value that was not kept.
    state: 'open',
    occurredAt: now,
  };
};

/** All conflict activities of one merge; none for records without a timeline. */
export const conflictActivities = (
  record: MergedRecordRef,
  conflicts: readonly MergeConflict[],
  now: string,
  actorId: string,
): Activity[] => {
  const { type } = record;
  if (!hasTimeline(type)) return [];
  return conflicts.map((c) => conflictActivity({ ...record, type }, c, now, actorId));
};
