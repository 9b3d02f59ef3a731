// Leads (DESIGN.md §3): Open (New, Contacted) → Qualified, or Disqualified (Lost, Cannot
// contact, No longer interested, Canceled); a disqualified lead can be reactivated.
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { derivedId } from './ids';
import type { Lead, LeadDisqualifyReason, Opportunity } from './records';
import { leadDisqualifyReasons, leadOpenStatuses } from './records';
import { checkEmail, created, defined, eventActivityId, firstError, touched } from './rule-kit';
import { searchTermsForLead } from './search';
import { leadDisplayName, leadRegarding, requireOpenLead } from './lead-state';
import { canRun, checkMove, listsMove } from './lifecycle-moves';

export { leadDisplayName, leadRegarding, requireOpenLead } from './lead-state';

export { opportunityTopicOf, qualifyLead } from './lead-qualify';
export type { QualifyLeadInput, QualifyLeadDocuments } from './lead-qualify';
export { findDuplicateCandidates } from './duplicates';
export type { DuplicateCandidate, DuplicateReason, DuplicatePool } from './duplicates';

/** What a person types about a lead; everything else is lifecycle or derived. */
export type LeadFields = Omit<
  Lead,
  | 'id'
  | 'ownerId'
  | 'createdAt'
  | 'updatedAt'
  | 'updatedBy'
  | 'state'
  | 'status'
  | 'searchTerms'
  | 'qualifiedAccountId'
  | 'qualifiedContactId'
  | 'qualifiedOpportunityId'
>;

export type LeadInput = Partial<LeadFields> & {
  /** Pass the same id on a retry so nothing is created twice; a fresh one by default. */
  id?: string;
  ownerId?: string;
};

export type LeadPatch = Partial<LeadFields> & { status?: 'new' | 'contacted' };

const leadDefaults: LeadFields = {
  topic: '',
  firstName: '',
  lastName: '',
  company: '',
  jobTitle: '',
  email: '',
  phone: '',
  mobile: '',
  website: '',
  address: {},
  vatNumber: '',
  source: 'other',
  sourceDetail: '',
  rating: 'warm',
  budget: null,
  budgetCurrency: 'EUR',
  purchaseTimeframe: 'unknown',
  decisionMaker: null,
  need: '',
  consent: { given: false, at: null, how: null, wording: null },
  notes: '',
  tradeFairId: null,
  fairAnswers: [],
};

const checkLead = (lead: LeadFields): Result<void> =>
  firstError(
    // A lead must say who it is: a person's name or a company (a badge scan gives both).
    lead.lastName.trim() === '' && lead.company.trim() === '' && lead.firstName.trim() === ''
      ? fail(
          'lead.name_required',
          'Enter a name or a company for the lead.',
          "Inserisci un nome o un'azienda per il lead.",
          'lastName',
        )
      : ok(undefined),
    checkEmail(lead.email),
    lead.budget === null || (Number.isSafeInteger(lead.budget) && lead.budget >= 0)
      ? ok(undefined)
      : fail(
          'lead.budget_invalid',
          'The budget must be an amount of zero or more.',
          'Il budget deve essere un importo pari o superiore a zero.',
          'budget',
        ),
    // GDPR: consent given must say when and how it was collected.
    lead.consent.given && (lead.consent.at === null || !lead.consent.how)
      ? fail(
          'lead.consent_incomplete',
          'Record when and how the consent was given.',
          'Registra quando e come è stato dato il consenso.',
          'consent',
        )
      : ok(undefined),
  );

const trimmed = (f: LeadFields): LeadFields => ({
  ...f,
  firstName: f.firstName.trim(),
  lastName: f.lastName.trim(),
  company: f.company.trim(),
  email: f.email.trim(),
  topic: f.topic.trim(),
});

export const createLead = (input: LeadInput, ctx: RuleContext): Result<Effects> => {
  const { id, ownerId, ...rest } = input;
  const fields = trimmed({ ...leadDefaults, ...defined(rest) });
  const check = checkLead(fields);
  if (!check.ok) return check;
  const lead: Lead = {
    ...created(ctx, id ?? ctx.newId(), ownerId),
    ...fields,
    // D365 requires a topic; default to who the lead is so the list never shows a blank.
    topic: fields.topic || leadDisplayName(fields),
    state: 'open',
    status: 'new',
    searchTerms: searchTermsForLead(fields),
    qualifiedAccountId: null,
    qualifiedContactId: null,
    qualifiedOpportunityId: null,
  };
  const activity = systemActivity(
    ctx,
    leadRegarding(lead),
    'lead.created',
    lead.topic,
    { source: lead.source, sourceDetail: lead.sourceDetail },
    derivedId(lead.id, 'activity:lead.created'),
  );
  return ok({ writes: [write('activity', activity), write('lead', lead)] });
};

/** Edits an open lead (its data and New/Contacted); qualified leads are read-only. */
export const updateLead = (lead: Lead, patch: LeadPatch, ctx: RuleContext): Result<Effects> => {
  const open = requireOpenLead(lead);
  if (!open.ok) return open;
  const next: Lead = { ...lead, ...defined(patch) };
  const fields = trimmed(next);
  const check = checkLead(fields);
  if (!check.ok) return check;
  // New and Contacted, and the moves between them, are the lifecycle table's.
  const statusMove = next.status === lead.status || listsMove('lead', 'updateLead', lead, next);
  if (!statusMove || !(leadOpenStatuses as readonly string[]).includes(next.status)) {
    return fail(
      'lead.status_invalid',
      'An open lead is either new or contacted.',
      'Un lead aperto è nuovo oppure contattato.',
      'status',
    );
  }
  const doc: Lead = {
    ...next,
    ...fields,
    ...touched(ctx),
    topic: fields.topic || leadDisplayName(fields),
    searchTerms: searchTermsForLead(fields),
  };
  return ok({ writes: [write('lead', doc)] });
};

export type DisqualifyLeadDocuments = {
  lead: Lead;
  /** Opportunities whose originating lead is this one (a qualify that did not finish). */
  opportunities: readonly Opportunity[];
};

export const disqualifyLead = (
  docs: DisqualifyLeadDocuments,
  input: { reason: LeadDisqualifyReason },
  ctx: RuleContext,
): Result<Effects> => {
  const { lead } = docs;
  const open = requireOpenLead(lead, 'disqualifyLead');
  if (!open.ok) return open;
  if (
    lead.qualifiedOpportunityId !== null ||
    docs.opportunities.some((o) => o.originatingLeadId === lead.id)
  ) {
    return fail(
      'lead.has_opportunity',
      'This lead already has an opportunity, so it cannot be disqualified. Close the opportunity as lost instead.',
      "Questo lead ha già un'opportunità e non può essere squalificato. Chiudi invece l'opportunità come persa.",
      'state',
    );
  }
  if (!leadDisqualifyReasons.includes(input.reason)) {
    return fail(
      'lead.reason_invalid',
      'Choose why the lead is disqualified.',
      'Scegli il motivo per cui il lead è squalificato.',
      'status',
    );
  }
  const event = 'lead.disqualified';
  const activity = systemActivity(
    ctx,
    leadRegarding(lead),
    event,
    event,
    { reason: input.reason },
    eventActivityId(lead, event),
  );
  const next: Lead = { ...lead, ...touched(ctx), state: 'disqualified', status: input.reason };
  const move = checkMove('lead', 'disqualifyLead', lead, next);
  if (!move.ok) return move;
  return ok({ writes: [write('activity', activity), write('lead', next)] });
};

/** A disqualified lead comes back as open and new (as in D365). */
export const reactivateLead = (lead: Lead, ctx: RuleContext): Result<Effects> => {
  if (!canRun('lead', 'reactivateLead', lead)) {
    return fail(
      'lead.not_disqualified',
      'Only a disqualified lead can be reactivated.',
      'Solo un lead squalificato può essere riattivato.',
      'state',
    );
  }
  const event = 'lead.reactivated';
  const activity = systemActivity(
    ctx,
    leadRegarding(lead),
    event,
    event,
    { previousStatus: lead.status },
    eventActivityId(lead, event),
  );
  const next: Lead = { ...lead, ...touched(ctx), state: 'open', status: 'new' };
  const move = checkMove('lead', 'reactivateLead', lead, next);
  if (!move.ok) return move;
  return ok({ writes: [write('activity', activity), write('lead', next)] });
};
