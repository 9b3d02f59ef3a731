// Lead commands: capture, edit, qualify (creates account, contact and opportunity),
// disqualify and reactivate.
import { written } from '../../../shared/domain/effects';
import type { LeadInput, LeadPatch, QualifyLeadInput } from '../../../shared/domain/lead';
import {
  createLead,
  disqualifyLead,
  qualifyLead,
  reactivateLead,
  updateLead,
} from '../../../shared/domain/lead';
import type { Lead, LeadDisqualifyReason, Opportunity } from '../../../shared/domain/records';
import { command } from './command-kit';
import { removeCommand } from './deletion';
import { plainDoc } from '../write';

const leadOf = (effects: Parameters<typeof written>[0]): Lead => written(effects, 'lead') as Lead;

export type QualifiedLead = {
  lead: Lead;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
};

export const leadCommandDefs = {
  /** Deletes the lead where the deletion table allows it (shared/domain/deletion.ts). */
  remove: removeCommand('lead'),

  create: command((env, input: LeadInput) => Promise.resolve(createLead(input, env.ctx)), leadOf),

  update: command(
    async (env, input: { id: string; patch: LeadPatch }) =>
      updateLead(await env.get('lead', input.id), input.patch, env.ctx),
    leadOf,
  ),

  /** Idempotent: a retry after a crash completes what is missing and duplicates nothing. */
  qualify: command(
    async (env, input: { id: string } & QualifyLeadInput) => {
      const { id, ...choices } = input;
      return qualifyLead({ lead: await env.get('lead', id) }, choices, env.ctx);
    },
    (effects): QualifiedLead => {
      const lead = leadOf(effects);
      return {
        lead,
        accountId: lead.qualifiedAccountId,
        contactId: lead.qualifiedContactId,
        opportunityId: lead.qualifiedOpportunityId,
      };
    },
  ),

  disqualify: command(async (env, input: { id: string; reason: LeadDisqualifyReason }) => {
    const lead = await env.get('lead', input.id);
    // Opportunities an unfinished qualify may have left behind.
    const opportunities = (
      await env.db.opportunities.find({ selector: { originatingLeadId: lead.id } }).exec()
    ).map((o) => plainDoc<Opportunity>(o));
    return disqualifyLead({ lead, opportunities }, { reason: input.reason }, env.ctx);
  }, leadOf),

  reactivate: command(
    async (env, input: { id: string }) => reactivateLead(await env.get('lead', input.id), env.ctx),
    leadOf,
  ),
};
