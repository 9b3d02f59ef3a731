// Lead commands: capture, edit, qualify (creates account, contact and opportunity),
// disqualify and reactivate.
import type { WithdrawalChannel } from '../../../shared/domain/consent';
import { withdrawConsent } from '../../../shared/domain/consent';
import { written } from '../../../shared/domain/effects';
import type { LeadInput, LeadPatch, QualifyLeadInput } from '../../../shared/domain/lead';
import {
  createLead,
  disqualifyLead,
  qualifyLead,
  reactivateLead,
  updateLead,
} from '../../../shared/domain/lead';
import type { EmailEnquiryInput } from '../../../shared/domain/email-enquiry';
import { recordEmailEnquiry } from '../../../shared/domain/email-enquiry';
import { write } from '../../../shared/domain/effects';
import { businessCardNote } from '../../../shared/domain/lead-card';
import type {
  Contact,
  Lead,
  LeadDisqualifyReason,
  Opportunity,
} from '../../../shared/domain/records';
import { command } from './command-kit';
import { removeCommand } from './deletion';
import { withFairAnswers } from './trade-fair';
import { plainDoc } from '../write';

const leadOf = (effects: Parameters<typeof written>[0]): Lead => written(effects, 'lead') as Lead;

export type QualifiedLead = {
  lead: Lead;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
};

/** Where an e-mailed enquiry landed: the lead (new or known) or a known contact. */
export type EmailEnquiryResult = {
  leadId: string | null;
  contactId: string | null;
  isNew: boolean;
};

export const leadCommandDefs = {
  /** Deletes the lead where the deletion table allows it (shared/domain/deletion.ts). */
  remove: removeCommand('lead'),

  create: command(async (env, input: LeadInput) => {
    const atFair = await withFairAnswers(env, input);
    return atFair.ok ? createLead(atFair.value, env.ctx) : atFair;
  }, leadOf),

  /** A lead read from a business card, with the compressed card image as a note. */
  createFromCard: command(
    async (env, input: { lead: LeadInput; cardImage: string; subject: string }) => {
      const atFair = await withFairAnswers(env, input.lead);
      if (!atFair.ok) return atFair;
      const made = createLead(atFair.value, env.ctx);
      if (!made.ok) return made;
      const lead = leadOf(made.value);
      const note = businessCardNote(lead, input.cardImage, input.subject, env.ctx);
      if (!note.ok) return note;
      // The note before the lead: the lead is written last, as every capture does.
      return { ok: true, value: { writes: [write('activity', note.value), ...made.value.writes] } };
    },
    leadOf,
  ),

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

  /** GDPR: the person withdrew consent (with a timeline event). */
  withdrawConsent: command(
    async (env, input: { id: string; how: WithdrawalChannel }) =>
      withdrawConsent(
        { type: 'lead', record: await env.get('lead', input.id) },
        input.how,
        env.ctx,
      ),
    leadOf,
  ),

  reactivate: command(
    async (env, input: { id: string }) => reactivateLead(await env.get('lead', input.id), env.ctx),
    leadOf,
  ),

  /** An e-mail from a sender: the lead or contact with that address, or a new lead. */
  fromEmail: command(
    async (env, input: EmailEnquiryInput) => {
      const address = input.mail.from?.address ?? '';
      const lead =
        address === '' ? null : await env.db.leads.findOne({ selector: { email: address } }).exec();
      const contact =
        lead !== null || address === ''
          ? null
          : await env.db.contacts.findOne({ selector: { email: address } }).exec();
      return recordEmailEnquiry(
        {
          lead: lead === null ? null : plainDoc<Lead>(lead),
          contact: contact === null ? null : plainDoc<Contact>(contact),
        },
        input,
        env.ctx,
      );
    },
    (effects): EmailEnquiryResult => {
      const e = effects as typeof effects & EmailEnquiryResult;
      return { leadId: e.leadId, contactId: e.contactId, isNew: e.isNew };
    },
  ),
};
