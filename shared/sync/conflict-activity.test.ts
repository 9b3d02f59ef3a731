import { describe, expect, it } from 'vitest';
import { activitySchema } from '../domain/records';
import { conflictActivities, conflictActivityId } from './conflict-activity';

const ref = {
  type: 'lead' as const,
  id: '0190b3c2-7a1e-7000-8000-000000000001',
  ownerId: 'u1',
  masterUpdatedAt: '2026-02-01T10:00:00.000Z',
};
const conflict = {
  path: 'phone',
  localValue: '111',
  masterValue: '222',
  winner: 'master' as const,
};

describe('conflictActivities', () => {
  it('builds a valid system activity regarding the record, with the losing value', () => {
    const [a] = conflictActivities(ref, [conflict], '2026-02-01T10:05:00.000Z', 'u2');
    expect(activitySchema.safeParse(a).success).toBe(true);
    expect(a).toMatchObject({
      type: 'system',
      event: 'sync.conflict',
      regardingType: 'lead',
      regardingId: ref.id,
      ownerId: 'u1',
      data: { path: 'phone', localValue: '111', masterValue: '222' },
    });
  });

  it('derives the same id for the same merge and a different one for another', () => {
    const once = conflictActivities(ref, [conflict], '2026-02-01T10:05:00.000Z', 'u2');
    const again = conflictActivities(ref, [conflict], '2026-02-01T11:00:00.000Z', 'u3');
    expect(again[0]?.id).toBe(once[0]?.id);
    expect(conflictActivityId(ref.id, '2026-02-01T10:00:00.001Z', 'phone', '111')).not.toBe(
      once[0]?.id,
    );
    expect(conflictActivityId(ref.id, ref.masterUpdatedAt, 'email', '111')).not.toBe(once[0]?.id);
    // Another device losing another value against the same master keeps its own entry.
    const other = conflictActivities(ref, [{ ...conflict, localValue: '333' }], 'x', 'u2');
    expect(other[0]?.id).not.toBe(once[0]?.id);
  });

  it('writes nothing for records without a timeline', () => {
    expect(conflictActivities({ ...ref, type: 'product' }, [conflict], 'x', 'u')).toEqual([]);
  });
});
