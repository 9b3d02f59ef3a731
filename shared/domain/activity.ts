// Timeline activities (DESIGN.md §2–3): notes, calls, tasks, emails and appointments that
// people write, and the system events every lifecycle transition records.
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { canRun } from './lifecycle-moves';
import type { Activity, RegardingType } from './records';
import { checkRequired, created, firstError, touched } from './rule-kit';

/** The record an activity is about. The activity belongs to that record's owner. */
export type Regarding = { type: RegardingType; id: string; ownerId: string };

/**
 * The system activity a rule writes on a record's timeline. `subject` is a short neutral
 * text (often the event code); the UI shows the event in the user's language by its code.
 */
export const systemActivity = (
  ctx: RuleContext,
  regarding: Regarding,
  event: string,
  subject: string,
  data: Record<string, unknown> | null,
  id: string,
): Activity => ({
  ...created(ctx, id, regarding.ownerId),
  type: 'system',
  regardingType: regarding.type,
  regardingId: regarding.id,
  subject: subject.slice(0, 300),
  body: '',
  event,
  data,
  due: null,
  completedAt: ctx.now,
  state: 'completed',
  occurredAt: ctx.now,
});

export type PersonalActivityType = Exclude<Activity['type'], 'system'>;

export type CreateActivityInput = {
  /** Pass the same id on a retry so nothing is created twice; a fresh one by default. */
  id?: string;
  type: PersonalActivityType;
  regarding: Regarding;
  subject: string;
  body?: string;
  /** When a task, call or appointment is due (ISO instant). */
  due?: string | null;
  /** When it happened; now by default (a call logged afterwards may be earlier). */
  occurredAt?: string;
};

/** A note, phone call, task, email or appointment on a record's timeline. */
export const createActivity = (input: CreateActivityInput, ctx: RuleContext): Result<Effects> => {
  const check = firstError(
    checkRequired(
      input.subject,
      'subject',
      'The activity needs a subject.',
      "L'attività richiede un oggetto.",
    ),
  );
  if (!check.ok) return check;
  if ((input.type as string) === 'system') {
    return fail(
      'activity.system_reserved',
      'System events are written by the app, not by hand.',
      "Gli eventi di sistema sono registrati dall'app, non a mano.",
      'type',
    );
  }
  // A note records something that already happened: it is complete when written.
  const isNote = input.type === 'note';
  const activity: Activity = {
    ...created(ctx, input.id ?? ctx.newId(), input.regarding.ownerId),
    type: input.type,
    regardingType: input.regarding.type,
    regardingId: input.regarding.id,
    subject: input.subject.trim(),
    body: input.body ?? '',
    event: null,
    data: null,
    due: input.due ?? null,
    completedAt: isNote ? ctx.now : null,
    state: isNote ? 'completed' : 'open',
    occurredAt: input.occurredAt ?? ctx.now,
  };
  return ok({ writes: [write('activity', activity)] });
};

const notOpen = (activity: Activity): Result<never> =>
  activity.type === 'system'
    ? fail(
        'activity.system_read_only',
        'System events cannot be changed.',
        'Gli eventi di sistema non possono essere modificati.',
      )
    : fail(
        'activity.not_open',
        'This activity is already completed or canceled.',
        'Questa attività è già completata o annullata.',
        'state',
      );

/** Marks an open activity as completed. */
export const completeActivity = (activity: Activity, ctx: RuleContext): Result<Effects> => {
  if (activity.type === 'system' || !canRun('activity', 'completeActivity', activity)) {
    return notOpen(activity);
  }
  return ok({
    writes: [
      write('activity', {
        ...activity,
        ...touched(ctx),
        state: 'completed',
        completedAt: ctx.now,
      }),
    ],
  });
};

/** Cancels an open activity (a meeting that will not take place). */
export const cancelActivity = (activity: Activity, ctx: RuleContext): Result<Effects> => {
  if (activity.type === 'system' || !canRun('activity', 'cancelActivity', activity)) {
    return notOpen(activity);
  }
  return ok({ writes: [write('activity', { ...activity, ...touched(ctx), state: 'canceled' })] });
};
