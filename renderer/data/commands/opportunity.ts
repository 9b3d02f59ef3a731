// Opportunity commands: create, edit, lines, revenue mode, stage moves, close as won or
// lost, reopen.
import { written } from '../../../shared/domain/effects';
import type { Effects } from '../../../shared/domain/effects';
import type { LinePatch } from '../../../shared/domain/document-lines';
import type { CloseAsLostInput, CloseAsWonInput } from '../../../shared/domain/opportunity-close';
import type {
  OpportunityInput,
  OpportunityPatch,
  RevenueModeInput,
} from '../../../shared/domain/opportunity';
import {
  addOpportunityLine,
  closeOpportunityAsLost,
  closeOpportunityAsWon,
  createOpportunity,
  moveOpportunityStage,
  removeOpportunityLine,
  reopenOpportunity,
  setRevenueMode,
  updateOpportunity,
  updateOpportunityLine,
} from '../../../shared/domain/opportunity';
import type { Opportunity, OpportunityStage, Quote } from '../../../shared/domain/records';
import type { CommandEnv } from './command-kit';
import { command } from './command-kit';
import { plainDoc } from '../write';
import type { CommandLineInput } from './lines';
import { resolveLine } from './lines';

const opportunityOf = (effects: Effects): Opportunity =>
  written(effects, 'opportunity') as Opportunity;

const closeContext = async (env: CommandEnv, id: string) => {
  const opportunity = await env.get('opportunity', id);
  // Quotes are few per opportunity; opportunityId is nullable, so it cannot be indexed.
  const quotes = (await env.db.quotes.find({ selector: { opportunityId: id } }).exec()).map((q) =>
    plainDoc<Quote>(q),
  );
  return { opportunity, quotes };
};

export const opportunityCommandDefs = {
  create: command(
    (env, input: OpportunityInput) => Promise.resolve(createOpportunity(input, env.ctx)),
    opportunityOf,
  ),
  update: command(
    async (env, input: { id: string; patch: OpportunityPatch }) =>
      updateOpportunity(await env.get('opportunity', input.id), input.patch, env.ctx),
    opportunityOf,
  ),
  addLine: command(async (env, input: { id: string; line: CommandLineInput }) => {
    const opportunity = await env.get('opportunity', input.id);
    const line = await resolveLine(env, opportunity.priceListId, input.line);
    return line.ok ? addOpportunityLine(opportunity, line.value, env.ctx) : line;
  }, opportunityOf),
  updateLine: command(
    async (env, input: { id: string; lineId: string; patch: LinePatch }) =>
      updateOpportunityLine(
        await env.get('opportunity', input.id),
        input.lineId,
        input.patch,
        env.ctx,
      ),
    opportunityOf,
  ),
  removeLine: command(
    async (env, input: { id: string; lineId: string }) =>
      removeOpportunityLine(await env.get('opportunity', input.id), input.lineId, env.ctx),
    opportunityOf,
  ),
  setRevenueMode: command(
    async (env, input: { id: string; revenue: RevenueModeInput }) =>
      setRevenueMode(await env.get('opportunity', input.id), input.revenue, env.ctx),
    opportunityOf,
  ),
  moveStage: command(
    async (env, input: { id: string; stage: OpportunityStage }) =>
      moveOpportunityStage(await env.get('opportunity', input.id), input.stage, env.ctx),
    opportunityOf,
  ),
  closeAsWon: command(
    async (env, input: { id: string } & CloseAsWonInput) =>
      closeOpportunityAsWon(await closeContext(env, input.id), input, env.ctx),
    opportunityOf,
  ),
  closeAsLost: command(
    async (env, input: { id: string } & CloseAsLostInput) =>
      closeOpportunityAsLost(await closeContext(env, input.id), input, env.ctx),
    opportunityOf,
  ),
  reopen: command(
    async (env, input: { id: string }) =>
      reopenOpportunity(await env.get('opportunity', input.id), env.ctx),
    opportunityOf,
  ),
};
