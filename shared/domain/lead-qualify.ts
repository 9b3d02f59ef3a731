// Qualify a lead (DESIGN.md §3): create — or link to existing — account and contact, and
// create the opportunity, copying the lead's data. Idempotent: every id derives from the
// lead's id and the lead is written last, so a retry after a crash creates nothing twice.
import { accountCreatedActivity, buildAccount } from './account';
import { systemActivity } from './activity';
import { buildContact, contactCreatedActivity } from './contact';
import type { RuleContext } from './context';
import type { Effects, Write } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { ok } from './errors';
import { derivedId } from './ids';
import { leadDisplayName, leadRegarding, requireOpenLead } from './lead-state';
import { checkMove } from './lifecycle-moves';
import { buildOpportunity, opportunityCreatedActivity } from './opportunity';
import type { Account, Contact, Lead } from './records';

export type QualifyLeadDocuments = { lead: Lead };

export type QualifyOpportunityInput =
  | {
      mode: 'create';
      topic?: string;
      currency?: string;
      priceListId?: string | null;
      estimatedCloseDate?: string | null;
    }
  | { mode: 'none' };

export type QualifyLeadInput = {
  /** Default: create one when the lead names a company, else none. */
  account?: { mode: 'create' } | { mode: 'link'; account: Account } | { mode: 'none' };
  /** Default: create one when the lead names a person, else none. */
  contact?: { mode: 'create' } | { mode: 'link'; contact: Contact } | { mode: 'none' };
  /** Default: create one, with the lead's topic and budget currency. */
  opportunity?: QualifyOpportunityInput;
};

/** Ids of what qualifying a lead creates: the same on every retry. */
export const qualifiedIds = (leadId: string) => ({
  account: derivedId(leadId, 'account'),
  contact: derivedId(leadId, 'contact'),
  opportunity: derivedId(leadId, 'opportunity'),
  activity: derivedId(leadId, 'activity:lead.qualified'),
});

/**
 * The topic of the opportunity a lead becomes: the lead's own topic when the seller wrote
 * one, else the customer and what they need ("Ferri Impianti – Nuova linea"), so quotes,
 * orders and invoices, which take the topic as their title, name the deal, not a person.
 */
export const opportunityTopicOf = (lead: Lead): string => {
  const topic = lead.topic.trim();
  // A lead saved without a topic got the person's name as one (see createLead).
  if (topic !== '' && topic !== leadDisplayName(lead)) return topic;
  const need = (lead.need.split('\n')[0] ?? '').trim().slice(0, 120);
  const deal = [lead.company.trim(), need].filter((part) => part !== '').join(' – ');
  return (deal || leadDisplayName(lead) || lead.email).slice(0, 200);
};

export const qualifyLead = (
  docs: QualifyLeadDocuments,
  input: QualifyLeadInput,
  ctx: RuleContext,
): Result<Effects> => {
  const { lead } = docs;
  const open = requireOpenLead(lead, 'qualifyLead');
  if (!open.ok) return open;
  const ids = qualifiedIds(lead.id);
  const hasPerson = `${lead.firstName}${lead.lastName}`.trim() !== '';
  const accountMode =
    input.account ?? ({ mode: lead.company.trim() !== '' ? 'create' : 'none' } as const);
  const contactMode = input.contact ?? ({ mode: hasPerson ? 'create' : 'none' } as const);
  const opportunityMode: QualifyOpportunityInput = input.opportunity ?? { mode: 'create' };
  const creates: Write[] = [];
  const activities: Write[] = [];

  let accountId: string | null = null;
  if (accountMode.mode === 'link') accountId = accountMode.account.id;
  if (accountMode.mode === 'create') {
    const account = buildAccount(
      {
        id: ids.account,
        ownerId: lead.ownerId,
        originatingLeadId: lead.id,
        name: lead.company,
        vatNumber: lead.vatNumber,
        address: lead.address,
        phone: lead.phone,
        website: lead.website,
        // The lead's email is a person's: it goes to the contact when there is one.
        email: contactMode.mode === 'create' ? '' : lead.email,
      },
      ctx,
    );
    if (!account.ok) return account;
    accountId = account.value.id;
    creates.push(write('account', account.value));
    activities.push(write('activity', accountCreatedActivity(ctx, account.value)));
  }

  let contactId: string | null = null;
  if (contactMode.mode === 'link') {
    contactId = contactMode.contact.id;
    accountId ??= contactMode.contact.accountId;
  }
  if (contactMode.mode === 'create') {
    const contact = buildContact(
      {
        id: ids.contact,
        ownerId: lead.ownerId,
        originatingLeadId: lead.id,
        accountId,
        firstName: lead.firstName,
        lastName: lead.lastName,
        jobTitle: lead.jobTitle,
        email: lead.email,
        phone: lead.phone,
        mobile: lead.mobile,
        // The consent the person gave (or withdrew) as a lead stays theirs as a contact.
        consent: lead.consent,
      },
      ctx,
    );
    if (!contact.ok) return contact;
    contactId = contact.value.id;
    creates.push(write('contact', contact.value));
    activities.push(write('activity', contactCreatedActivity(ctx, contact.value)));
  }

  let opportunityId: string | null = null;
  if (opportunityMode.mode === 'create') {
    const customer = accountId !== null || contactId !== null;
    const opportunity = buildOpportunity(
      {
        id: ids.opportunity,
        ownerId: lead.ownerId,
        originatingLeadId: lead.id,
        topic: opportunityMode.topic ?? opportunityTopicOf(lead),
        accountId,
        contactId,
        currency: opportunityMode.currency ?? lead.budgetCurrency,
        priceListId: opportunityMode.priceListId ?? null,
        estimatedCloseDate: opportunityMode.estimatedCloseDate ?? null,
        rating: lead.rating,
        // The lead was the Qualify stage; with a customer the deal is being developed.
        stage: customer ? 'develop' : 'qualify',
      },
      ctx,
    );
    if (!opportunity.ok) return opportunity;
    opportunityId = opportunity.value.id;
    creates.push(write('opportunity', opportunity.value));
    activities.push(write('activity', opportunityCreatedActivity(ctx, opportunity.value)));
  }

  activities.push(
    write(
      'activity',
      systemActivity(
        ctx,
        leadRegarding(lead),
        'lead.qualified',
        'lead.qualified',
        { accountId, contactId, opportunityId },
        ids.activity,
      ),
    ),
  );
  const qualified: Lead = {
    ...lead,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.userId,
    state: 'qualified',
    status: 'qualified',
    qualifiedAccountId: accountId,
    qualifiedContactId: contactId,
    qualifiedOpportunityId: opportunityId,
  };
  const move = checkMove('lead', 'qualifyLead', lead, qualified);
  if (!move.ok) return move;
  return ok({ writes: [...creates, ...activities, write('lead', qualified)] });
};
