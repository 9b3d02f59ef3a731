import { describe, expect, it } from 'vitest';
import { cancelActivity, completeActivity, createActivity, systemActivity } from './activity';
import { written } from './effects';
import type { Activity } from './records';
import { activitySchema } from './records';
import { errorCode, makeCtx, unwrap } from './test-fixtures';

const ctx = makeCtx();
const regarding = { type: 'opportunity' as const, id: 'op-1', ownerId: 'user-other' };

const task = (): Activity =>
  written(
    unwrap(
      createActivity(
        { type: 'task', regarding, subject: ' Inviare catalogo ', due: '2026-03-12T09:00:00.000Z' },
        ctx,
      ),
    ),
    'activity',
  ) as Activity;

describe('activities', () => {
  it('creates an open task owned by the owner of the record it is about', () => {
    const t = task();
    expect(activitySchema.parse(t)).toEqual(t);
    expect(t).toMatchObject({
      type: 'task',
      state: 'open',
      subject: 'Inviare catalogo',
      regardingType: 'opportunity',
      regardingId: 'op-1',
      ownerId: 'user-other',
      updatedBy: ctx.actor.userId,
      event: null,
      completedAt: null,
    });
  });

  it('writes a note as already completed', () => {
    const note = written(
      unwrap(createActivity({ type: 'note', regarding, subject: 'Visto in fiera' }, ctx)),
      'activity',
    );
    expect(note).toMatchObject({ state: 'completed', completedAt: ctx.now });
  });

  it('refuses an empty subject and hand-written system events', () => {
    expect(errorCode(createActivity({ type: 'email', regarding, subject: '  ' }, ctx))).toBe(
      'input.required',
    );
    expect(
      errorCode(
        createActivity({ type: 'system' as unknown as 'note', regarding, subject: 'x' }, ctx),
      ),
    ).toBe('activity.system_reserved');
  });

  it('completes or cancels an open activity once', () => {
    const done = written(unwrap(completeActivity(task(), ctx)), 'activity') as Activity;
    expect(done).toMatchObject({ state: 'completed', completedAt: ctx.now });
    expect(errorCode(completeActivity(done, ctx))).toBe('activity.not_open');
    const canceled = written(unwrap(cancelActivity(task(), ctx)), 'activity') as Activity;
    expect(canceled.state).toBe('canceled');
    expect(errorCode(cancelActivity(canceled, ctx))).toBe('activity.not_open');
  });

  it('never changes a system activity', () => {
    const event = systemActivity(
      ctx,
      regarding,
      'opportunity.won',
      'opportunity.won',
      { actualRevenue: 1 },
      'a-1',
    );
    expect(activitySchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      type: 'system',
      state: 'completed',
      occurredAt: ctx.now,
      ownerId: 'user-other',
    });
    expect(errorCode(completeActivity(event, ctx))).toBe('activity.system_read_only');
    expect(errorCode(cancelActivity(event, ctx))).toBe('activity.system_read_only');
  });
});
