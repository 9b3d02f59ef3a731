import { describe, expect, it } from 'vitest';
import type { ParsedMail } from '../mail/eml';
import type { RuleContext } from './context';
import { nameOfSender, recordEmailEnquiry } from './email-enquiry';
import type { Activity, Lead } from './records';

const ctx: RuleContext = {
  actor: { userId: 'seller-1', role: 'seller', teamId: 't1' },
  now: '2026-12-01T09:00:00.000Z',
  newId: () => 'lead-new',
};
const mail: ParsedMail = {
  from: { name: 'Maria Rossi', address: 'maria@rossi.example' },
  subject: 'Preventivo',
  date: '2026-11-30T08:00:00.000Z',
  messageId: 'm1@rossi.example',
  body: 'Vorrei un preventivo.',
};
const noConsent = { given: false, at: null, how: null, wording: null };

describe('recordEmailEnquiry', () => {
  it('makes a new e-mail lead with the message as its first activity', () => {
    const r = recordEmailEnquiry({ lead: null, contact: null }, { mail, consent: noConsent }, ctx);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.isNew).toBe(true);
    const lead = r.value.writes.find((w) => w.type === 'lead')?.doc as Lead;
    expect(lead).toMatchObject({
      id: 'lead-new',
      firstName: 'Maria',
      lastName: 'Rossi',
      email: 'maria@rossi.example',
      source: 'email',
      status: 'new',
    });
    const email = r.value.writes.find((w) => w.type === 'activity' && w.doc.type === 'email')
      ?.doc as Activity;
    expect(email).toMatchObject({
      regardingType: 'lead',
      regardingId: 'lead-new',
      subject: 'Preventivo',
      body: 'Vorrei un preventivo.',
      occurredAt: mail.date,
      state: 'completed',
    });
  });

  it('puts a second message on the known lead, and the same message on the same activity', () => {
    const first = recordEmailEnquiry(
      { lead: null, contact: null },
      { mail, consent: noConsent },
      ctx,
    );
    if (!first.ok) throw new Error('first');
    const lead = first.value.writes.find((w) => w.type === 'lead')?.doc as Lead;
    const again = recordEmailEnquiry({ lead, contact: null }, { mail, consent: noConsent }, ctx);
    const next = recordEmailEnquiry(
      { lead, contact: null },
      { mail: { ...mail, messageId: 'm2@rossi.example' }, consent: noConsent },
      ctx,
    );
    if (!again.ok || !next.ok) throw new Error('again');
    expect(again.value.writes).toHaveLength(1);
    expect(again.value.writes[0]?.doc.id).toBe(
      first.value.writes.find((w) => w.type === 'activity' && w.doc.type === 'email')?.doc.id,
    );
    expect(next.value.writes[0]?.doc.id).not.toBe(again.value.writes[0]?.doc.id);
    expect(next.value.leadId).toBe(lead.id);
  });

  it('puts the message on a known contact when no lead has the address', () => {
    const contact = {
      id: 'contact-1',
      ownerId: 'seller-2',
      createdAt: ctx.now,
      updatedAt: ctx.now,
      updatedBy: 'seller-2',
      accountId: null,
      firstName: 'Maria',
      lastName: 'Rossi',
      jobTitle: '',
      email: 'maria@rossi.example',
      phone: '',
      mobile: '',
      originatingLeadId: null,
      searchTerms: [],
    };
    const r = recordEmailEnquiry({ lead: null, contact }, { mail, consent: noConsent }, ctx);
    if (!r.ok) throw new Error('refused');
    expect(r.value).toMatchObject({ leadId: null, contactId: 'contact-1', isNew: false });
    expect(r.value.writes).toHaveLength(1);
    expect(r.value.writes[0]?.doc).toMatchObject({
      type: 'email',
      regardingType: 'contact',
      regardingId: 'contact-1',
      ownerId: 'seller-2',
    });
  });

  it('refuses a message without a sender, in both languages', () => {
    const r = recordEmailEnquiry(
      { lead: null, contact: null },
      { mail: { ...mail, from: null }, consent: noConsent },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.it).toContain('mittente');
  });
});

describe('nameOfSender', () => {
  it('splits names the usual ways', () => {
    expect(nameOfSender('Anna Maria Verdi', 'a@x.it')).toEqual({
      firstName: 'Anna Maria',
      lastName: 'Verdi',
    });
    expect(nameOfSender('Verdi, Anna', 'a@x.it')).toEqual({ firstName: 'Anna', lastName: 'Verdi' });
    expect(nameOfSender('', 'info@x.it')).toEqual({ firstName: '', lastName: 'info' });
  });
});
