// Trade fair commands: a seller creates and edits the fairs they go to (the office adds its
// own from the admin command line), and captures at a fair carry answers checked against it.
import { written } from '../../../shared/domain/effects';
import type { Result } from '../../../shared/domain/errors';
import { fail, ok } from '../../../shared/domain/errors';
import type { LeadInput } from '../../../shared/domain/lead';
import type { TradeFair } from '../../../shared/domain/records';
import type { TradeFairInput, TradeFairPatch } from '../../../shared/domain/trade-fair';
import {
  checkFairAnswers,
  createTradeFair,
  updateTradeFair,
} from '../../../shared/domain/trade-fair';
import type { CommandEnv } from './command-kit';
import { command } from './command-kit';

const fairOf = (effects: Parameters<typeof written>[0]): TradeFair =>
  written(effects, 'tradefair') as TradeFair;

export const tradeFairCommandDefs = {
  create: command(
    (env, input: TradeFairInput) => Promise.resolve(createTradeFair(input, env.ctx)),
    fairOf,
  ),
  update: command(
    async (env, input: { id: string; patch: TradeFairPatch }) =>
      updateTradeFair(await env.get('tradefair', input.id), input.patch, env.ctx),
    fairOf,
  ),
};

/** A capture at a fair: the fair must be on the device and the answers fit its questions. */
export const withFairAnswers = async (
  env: CommandEnv,
  input: LeadInput,
): Promise<Result<LeadInput>> => {
  if (input.tradeFairId === undefined || input.tradeFairId === null) {
    return (input.fairAnswers ?? []).length === 0
      ? ok(input)
      : fail(
          'fair.answers_without_fair',
          'Answers to fair questions need the fair they belong to.',
          'Le risposte alle domande della fiera richiedono la fiera a cui appartengono.',
          'fairAnswers',
        );
  }
  const fair = await env.find('tradefair', input.tradeFairId);
  if (fair === undefined) {
    return fail(
      'fair.not_found',
      'The current fair is not on this device: choose it again in Settings.',
      'La fiera corrente non è su questo dispositivo: sceglila di nuovo nelle Impostazioni.',
      'tradeFairId',
    );
  }
  const answers = checkFairAnswers(fair, input.fairAnswers ?? []);
  if (!answers.ok) return answers;
  return ok({ ...input, fairAnswers: answers.value });
};
