import { describe, expect, it } from 'vitest';
import { isConsentWithdrawn, withdrawConsent, withdrawalChannel } from './consent';
import type { Activity, Contact, Lead } from './records';
import { createLead } from './lead';
import { makeCtx, seller, unwrap } from './test-fixtures';
import { validateChange } from './validate-change';

const ctx = makeCtx('2026-04-01T09:00:00.000Z', seller);
const leadFixture = (): Lead =>
  unwrap(createLead({ firstName: 'Anna', lastName: 'Rossi' }, ctx)).writes.find(
    (w) => w.type === 'lead',
  )?.doc as Lead;

describe('withdrawConsent', () => {
  const given = {
    given: true,
    at: '2026-03-01T10:00:00.000Z',
    how: 'trade_fair_form',
    wording: 'I agree that my contact details may be stored.',
  };

  it('records when and how, keeps the wording, and writes a timeline event', () => {
    const lead: Lead = { ...leadFixture(), consent: given };
    const result = withdrawConsent({ type: 'lead', record: lead }, 'phone', ctx);
    if (!result.ok) throw new Error(result.error.message.en);
    const [activity, written] = result.value.writes.map((w) => w.doc) as [Activity, Lead];
    expect(written.consent).toEqual({
      given: false,
      at: ctx.now,
      how: 'withdrawn_phone',
      wording: given.wording,
    });
    expect(isConsentWithdrawn(written.consent)).toBe(true);
    expect(withdrawalChannel(written.consent)).toBe('phone');
    expect(activity).toMatchObject({
      type: 'system',
      event: 'consent.withdrawn',
      regardingType: 'lead',
      regardingId: lead.id,
      data: { how: 'phone', previous: given },
    });
    const again = withdrawConsent({ type: 'lead', record: written }, 'email', ctx);
    expect(again.ok ? null : again.error.code).toBe('consent.already_withdrawn');
  });

  it('works on a contact that never had a consent record, and refuses an unknown channel', () => {
    const contact = { id: 'c1', ownerId: 'u1' } as Contact;
    const result = withdrawConsent({ type: 'contact', record: contact }, 'letter', ctx);
    expect(result.ok && (result.value.writes[1]?.doc as Contact).consent?.how).toBe(
      'withdrawn_letter',
    );
    const odd = withdrawConsent({ type: 'contact', record: contact }, 'fax' as never, ctx);
    expect(odd.ok ? null : odd.error.message.it).toMatch(/revocato il consenso/);
  });

  it('tells a consent never given from a withdrawn one', () => {
    expect(isConsentWithdrawn({ given: false, at: null, how: null, wording: null })).toBe(false);
    expect(isConsentWithdrawn(undefined)).toBe(false);
    expect(isConsentWithdrawn(given)).toBe(false);
  });
});

describe('the office accepts a withdrawal whatever became of the lead', () => {
  it.each(['qualified', 'disqualified'] as const)('on a %s lead', (state) => {
    const lead: Lead = {
      ...leadFixture(),
      state,
      status: state === 'qualified' ? 'qualified' : 'lost',
      consent: { given: true, at: ctx.now, how: 'trade_fair_form', wording: 'ok' },
    };
    const result = withdrawConsent({ type: 'lead', record: lead }, 'email', ctx);
    const next = result.ok ? result.value.writes[1]?.doc : null;
    expect(validateChange('lead', lead, next, seller).ok).toBe(true);
    // Other fields of a qualified lead stay read-only (a disqualified one may be reopened).
    const sneaky = { ...(next as Lead), company: 'Changed' };
    expect(validateChange('lead', lead, sneaky, seller).ok).toBe(state === 'disqualified');
  });
});
