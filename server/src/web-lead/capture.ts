// A web opt-in submission becomes a lead owned by the assigned seller, with its consent proof:
// when, how (the web form), the exact wording shown, and a salted hash of the visitor's address
// in a system activity on the lead's timeline. The seller's device pulls both at its next sync.
import { createHash } from 'node:crypto';
import { systemActivity } from '../../../shared/domain/activity';
import type { Locale, Result } from '../../../shared/domain/errors';
import { fail, ok } from '../../../shared/domain/errors';
import { derivedId } from '../../../shared/domain/ids';
import { createLead, leadRegarding } from '../../../shared/domain/lead';
import type { Activity, Lead } from '../../../shared/domain/records';
import { newId } from '../ids';
import { OFFICE_OWNER_ID, writeOfficeDocs } from '../office';
import type { Storage } from '../storage/types';
import type { FormValues } from './page';
import type { WebFormSettings } from './settings';
import { assigneeFor } from './settings';
import { pageTexts } from './texts';

export const WEB_OPT_IN_EVENT = 'lead.web_opt_in';

export const addressHash = (address: string, salt: string): string =>
  createHash('sha256').update(`${salt}:${address}`).digest('hex');

export type WebSubmission = {
  values: FormValues;
  locale: Locale;
  wording: string;
  sourceDetail: string;
  address: string;
  userAgent: string;
};

export const captureWebLead = async (
  storage: Storage,
  settings: WebFormSettings,
  submission: WebSubmission,
  now = new Date().toISOString(),
): Promise<Result<Lead>> => {
  const leadId = newId();
  const assignee = await assigneeFor(storage, settings, leadId);
  if (assignee === null)
    return fail(
      'web_form.unavailable',
      'No user can receive web leads yet.',
      'Nessun utente può ricevere i lead dal sito.',
    );
  const ctx = {
    actor: { userId: OFFICE_OWNER_ID, role: 'admin' as const, teamId: null },
    now,
    newId,
  };
  const { values } = submission;
  const firstLine = values.message.split('\n')[0]?.trim() ?? '';
  const made = createLead(
    {
      id: leadId,
      ownerId: assignee.id,
      firstName: values.firstName,
      lastName: values.lastName,
      company: values.company,
      email: values.email,
      phone: values.phone,
      topic: (firstLine || pageTexts[submission.locale].websiteEnquiry).slice(0, 200),
      notes: values.message,
      source: 'web',
      sourceDetail: submission.sourceDetail || pageTexts[submission.locale].websiteEnquiry,
      consent: { given: true, at: now, how: 'web_form', wording: submission.wording },
    },
    ctx,
  );
  if (!made.ok) return made;
  const lead = made.value.writes.find((w) => w.type === 'lead')?.doc as Lead;
  const proof = systemActivity(
    ctx,
    leadRegarding(lead),
    WEB_OPT_IN_EVENT,
    WEB_OPT_IN_EVENT,
    {
      at: now,
      how: 'web_form',
      language: submission.locale,
      wording: submission.wording,
      addressHash: addressHash(submission.address, settings.addressSalt),
      userAgent: submission.userAgent.slice(0, 300),
    },
    derivedId(lead.id, `activity:${WEB_OPT_IN_EVENT}`),
  );
  const activities = made.value.writes
    .filter((w) => w.type === 'activity')
    .map((w) => w.doc as Activity);
  // Activities first: a lead never shows without its consent proof.
  await writeOfficeDocs(storage, 'activities', [...activities, proof]);
  await writeOfficeDocs(storage, 'leads', [lead]);
  return ok(lead);
};
