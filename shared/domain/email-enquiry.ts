// An e-mailed enquiry (DESIGN.md §2, lead source "email"): the sender becomes a lead — or the
// lead or contact already known by that address is used — and the message is kept as an
// e-mail activity on its timeline. Dropping the same message twice writes nothing new.
import type { ParsedMail } from '../mail/eml';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { derivedId } from './ids';
import { createLead } from './lead';
import type { Activity, Consent, Contact, Lead, RegardingType } from './records';
import { created } from './rule-kit';

/** What the store already holds for the sender's address. */
export type EnquirySender = { lead: Lead | null; contact: Contact | null };

export type EmailEnquiryInput = {
  mail: ParsedMail;
  /** The consent the seller recorded for this sender (not given unless they say so). */
  consent: Consent;
};

/** "Maria Rossi" → first and last name; a bare address gives its local part as the name. */
export const nameOfSender = (
  name: string,
  address: string,
): { firstName: string; lastName: string } => {
  const words = name.replace(/["']/g, '').trim().split(/\s+/).filter(Boolean);
  // "Rossi, Maria" is written surname first.
  if (name.includes(',') && words.length >= 2) {
    const [last = '', first = ''] = name.split(',').map((w) => w.trim());
    return { firstName: first.slice(0, 100), lastName: last.slice(0, 100) };
  }
  if (words.length === 0) return { firstName: '', lastName: address.split('@')[0] ?? address };
  if (words.length === 1) return { firstName: '', lastName: words[0] ?? '' };
  return {
    firstName: words.slice(0, -1).join(' ').slice(0, 100),
    lastName: (words.at(-1) ?? '').slice(0, 100),
  };
};

/** A stable id for the message, so the same .eml dropped twice is one activity. */
const messageKey = (mail: ParsedMail): string =>
  mail.messageId ?? `${mail.from?.address ?? ''}|${mail.date ?? ''}|${mail.subject}`;

const emailActivity = (
  ctx: RuleContext,
  regarding: { type: RegardingType; id: string; ownerId: string },
  mail: ParsedMail,
): Activity => ({
  ...created(ctx, derivedId(messageKey(mail), 'activity:email'), regarding.ownerId),
  type: 'email',
  regardingType: regarding.type,
  regardingId: regarding.id,
  subject: (mail.subject || '(—)').slice(0, 300),
  body: mail.body.slice(0, 20000),
  event: null,
  data: mail.messageId ? { messageId: mail.messageId.slice(0, 300) } : null,
  due: null,
  // A received message already happened: it is complete when recorded.
  completedAt: ctx.now,
  state: 'completed',
  occurredAt: mail.date ?? ctx.now,
});

export const recordEmailEnquiry = (
  sender: EnquirySender,
  input: EmailEnquiryInput,
  ctx: RuleContext,
): Result<Effects & { leadId: string | null; contactId: string | null; isNew: boolean }> => {
  const from = input.mail.from;
  if (from === null || from.address === '') {
    return fail(
      'email.no_sender',
      'This e-mail has no sender address, so it cannot become a lead.',
      'Questa e-mail non ha un indirizzo del mittente, quindi non può diventare un lead.',
    );
  }
  if (sender.lead !== null) {
    const lead = sender.lead;
    const activity = emailActivity(
      ctx,
      { type: 'lead', id: lead.id, ownerId: lead.ownerId },
      input.mail,
    );
    return ok({
      writes: [write('activity', activity)],
      leadId: lead.id,
      contactId: null,
      isNew: false,
    });
  }
  if (sender.contact !== null) {
    const c = sender.contact;
    const activity = emailActivity(
      ctx,
      { type: 'contact', id: c.id, ownerId: c.ownerId },
      input.mail,
    );
    return ok({
      writes: [write('activity', activity)],
      leadId: null,
      contactId: c.id,
      isNew: false,
    });
  }
  const leadId = ctx.newId();
  const made = createLead(
    {
      id: leadId,
      ...nameOfSender(from.name, from.address),
      email: from.address,
      topic: input.mail.subject.slice(0, 200),
      source: 'email',
      sourceDetail: input.mail.subject.slice(0, 200),
      consent: input.consent,
    },
    ctx,
  );
  if (!made.ok) return made;
  const activity = emailActivity(
    ctx,
    { type: 'lead', id: leadId, ownerId: ctx.actor.userId },
    input.mail,
  );
  // The lead is written last: a crash before it leaves only activities a retry rewrites.
  return ok({
    writes: [write('activity', activity), ...made.value.writes],
    leadId,
    contactId: null,
    isNew: true,
  });
};
