// Activity commands: notes, calls, tasks, emails and appointments on a record's timeline.
import type { CreateActivityInput } from '../../../shared/domain/activity';
import { cancelActivity, completeActivity, createActivity } from '../../../shared/domain/activity';
import { written } from '../../../shared/domain/effects';
import type { Effects } from '../../../shared/domain/effects';
import type { Activity, RegardingType } from '../../../shared/domain/records';
import { command } from './command-kit';
import { removeCommand } from './deletion';

const activityOf = (effects: Effects): Activity => written(effects, 'activity') as Activity;

export type ActivityCommandInput = Omit<CreateActivityInput, 'regarding'> & {
  regardingType: RegardingType;
  regardingId: string;
};

export const activityCommandDefs = {
  /** Deletes the activity where the deletion table allows it (shared/domain/deletion.ts). */
  remove: removeCommand('activity'),

  /** The activity belongs to the owner of the record it is about. */
  create: command(async (env, input: ActivityCommandInput) => {
    const { regardingType, regardingId, ...rest } = input;
    const regarded = await env.get(regardingType, regardingId);
    return createActivity(
      { ...rest, regarding: { type: regardingType, id: regardingId, ownerId: regarded.ownerId } },
      env.ctx,
    );
  }, activityOf),
  complete: command(
    async (env, input: { id: string }) =>
      completeActivity(await env.get('activity', input.id), env.ctx),
    activityOf,
  ),
  cancel: command(
    async (env, input: { id: string }) =>
      cancelActivity(await env.get('activity', input.id), env.ctx),
    activityOf,
  ),
};
