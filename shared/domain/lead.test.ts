import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { written } from './effects';
import {
  createLead,
  disqualifyLead,
  findDuplicateCandidates,
  opportunityTopicOf,
  qualifyLead,
  reactivateLead,
  updateLead,
} from './lead';
import { qualifiedIds } from './lead-qualify';
import type { Account, Lead } from './records';
import { leadSchema } from './records';
import { MemoryStore, errorCode, makeCtx, unwrap } from './test-fixtures';
import { createAccount } from './account';
import { createOpportunity } from './opportunity';

const ctx = makeCtx();

const newLead = (input: Parameters<typeof createLead>[0] = {}): Lead => {
  const effects = unwrap(
    createLead(
      {
        firstName: 'Mario',
        lastName: 'Rossi',
        company: 'Officine Rossi S.r.l.',
        email: 'mario.rossi@officinerossi.it',
        phone: '+39 02 1234 5678',
        vatNumber: 'IT01234567897',
        source: 'trade_fair',
        sourceDetail: 'EIMA 2026',
        rating: 'hot',
        ...input,
      },
      ctx,
    ),
  );
  const lead = written(effects, 'lead');
  if (lead === undefined) throw new Error('no lead written');
  return lead;
};

describe('createLead', () => {
  it('writes the lead as open/new with search terms, after its created activity', () => {
    const effects = unwrap(createLead({ lastName: 'Bianchi', company: 'Città Srl' }, ctx));
    expect(effects.writes.map((w) => w.type)).toEqual(['activity', 'lead']);
    const lead = written(effects, 'lead');
    expect(leadSchema.parse(lead)).toEqual(lead);
    expect(lead).toMatchObject({ state: 'open', status: 'new', topic: 'Bianchi' });
    expect(lead?.searchTerms).toEqual(['bianchi', 'citta', 'srl']);
    const activity = written(effects, 'activity');
    expect(activity).toMatchObject({
      type: 'system',
      event: 'lead.created',
      regardingType: 'lead',
      regardingId: lead?.id,
      ownerId: ctx.actor.userId,
    });
  });

  it('refuses a lead with no name or company, a bad email, a negative budget', () => {
    expect(errorCode(createLead({}, ctx))).toBe('lead.name_required');
    expect(errorCode(createLead({ lastName: 'X', email: 'nope' }, ctx))).toBe(
      'input.email_invalid',
    );
    expect(errorCode(createLead({ lastName: 'X', budget: -1 }, ctx))).toBe('lead.budget_invalid');
  });

  it('refuses consent without when and how (GDPR)', () => {
    const r = createLead(
      { lastName: 'X', consent: { given: true, at: null, how: null, wording: null } },
      ctx,
    );
    expect(errorCode(r)).toBe('lead.consent_incomplete');
    if (!r.ok) expect(r.error.message.it).toContain('consenso');
  });
});

describe('updateLead', () => {
  it('edits an open lead and refreshes its search terms', () => {
    const lead = newLead();
    const next = written(
      unwrap(
        updateLead(
          lead,
          { company: 'Nuova Ditta', status: 'contacted' },
          makeCtx('2026-03-11T00:00:00.000Z'),
        ),
      ),
      'lead',
    );
    expect(next).toMatchObject({ company: 'Nuova Ditta', status: 'contacted' });
    expect(next?.searchTerms).toContain('nuova');
    expect(next?.updatedAt).toBe('2026-03-11T00:00:00.000Z');
  });

  it('refuses to edit a qualified or disqualified lead, or to set a closed status', () => {
    const lead = newLead();
    expect(
      errorCode(updateLead({ ...lead, state: 'qualified', status: 'qualified' }, {}, ctx)),
    ).toBe('lead.not_open');
    expect(errorCode(updateLead({ ...lead, state: 'disqualified', status: 'lost' }, {}, ctx))).toBe(
      'lead.not_open',
    );
    expect(errorCode(updateLead(lead, { status: 'qualified' as unknown as 'new' }, ctx))).toBe(
      'lead.status_invalid',
    );
    expect(errorCode(updateLead(lead, { firstName: '', lastName: '', company: '' }, ctx))).toBe(
      'lead.name_required',
    );
  });
});

describe('the topic of the opportunity a lead becomes', () => {
  it('names the customer and the need, not the person, when the lead has no topic', () => {
    expect(opportunityTopicOf(newLead())).toBe('Officine Rossi S.r.l.');
    expect(
      opportunityTopicOf(newLead({ need: 'Nuova linea di imbottigliamento\nentro marzo' })),
    ).toBe('Officine Rossi S.r.l. – Nuova linea di imbottigliamento');
    expect(written(unwrap(qualifyLead({ lead: newLead() }, {}, ctx)), 'opportunity')?.topic).toBe(
      'Officine Rossi S.r.l.',
    );
  });

  it("keeps the seller's own topic, and falls back to the person without a company", () => {
    expect(opportunityTopicOf(newLead({ topic: 'Trattori 2027' }))).toBe('Trattori 2027');
    expect(opportunityTopicOf(newLead({ company: '' }))).toBe('Mario Rossi');
  });
});

describe('qualifyLead', () => {
  it('creates account, contact and opportunity with derived ids, the lead last', () => {
    const lead = newLead();
    const effects = unwrap(qualifyLead({ lead }, {}, ctx));
    const ids = qualifiedIds(lead.id);
    expect(effects.writes.map((w) => `${w.type}:${w.doc.id}`)).toEqual([
      `account:${ids.account}`,
      `contact:${ids.contact}`,
      `opportunity:${ids.opportunity}`,
      expect.stringMatching(/^activity:/),
      expect.stringMatching(/^activity:/),
      expect.stringMatching(/^activity:/),
      `activity:${ids.activity}`,
      `lead:${lead.id}`,
    ]);
    const account = written(effects, 'account');
    const contact = written(effects, 'contact');
    const opportunity = written(effects, 'opportunity');
    expect(account).toMatchObject({
      name: 'Officine Rossi S.r.l.',
      vatNumber: 'IT01234567897',
      email: '',
      originatingLeadId: lead.id,
    });
    expect(contact).toMatchObject({
      accountId: ids.account,
      email: 'mario.rossi@officinerossi.it',
      originatingLeadId: lead.id,
    });
    expect(opportunity).toMatchObject({
      accountId: ids.account,
      contactId: ids.contact,
      originatingLeadId: lead.id,
      stage: 'develop',
      state: 'open',
      // The Develop stage's default probability, whatever the rating.
      probability: 30,
      rating: 'hot',
    });
    expect(written(effects, 'lead')).toMatchObject({
      state: 'qualified',
      status: 'qualified',
      qualifiedAccountId: ids.account,
      qualifiedContactId: ids.contact,
      qualifiedOpportunityId: ids.opportunity,
    });
    const events = effects.writes.flatMap((w) => (w.type === 'activity' ? [w.doc.event] : []));
    expect(events).toEqual([
      'account.created',
      'contact.created',
      'opportunity.created',
      'lead.qualified',
    ]);
  });

  it('links an existing account and creates no new one', () => {
    const lead = newLead();
    const existing = written(
      unwrap(createAccount({ name: 'Officine Rossi' }, ctx)),
      'account',
    ) as Account;
    const effects = unwrap(
      qualifyLead({ lead }, { account: { mode: 'link', account: existing } }, ctx),
    );
    expect(written(effects, 'account')).toBeUndefined();
    expect(written(effects, 'contact')?.accountId).toBe(existing.id);
    expect(written(effects, 'opportunity')?.accountId).toBe(existing.id);
    expect(written(effects, 'lead')?.qualifiedAccountId).toBe(existing.id);
  });

  it('links an existing contact and takes its account', () => {
    const lead = newLead({ company: '' });
    const effects = unwrap(
      qualifyLead(
        { lead },
        {
          contact: {
            mode: 'link',
            contact: {
              id: 'c1',
              ownerId: 'u',
              createdAt: ctx.now,
              updatedAt: ctx.now,
              updatedBy: 'u',
              accountId: 'a1',
              firstName: 'Mario',
              lastName: 'Rossi',
              jobTitle: '',
              email: '',
              phone: '',
              mobile: '',
              originatingLeadId: null,
              searchTerms: [],
            },
          },
          opportunity: { mode: 'create', topic: 'Trattori', currency: 'CHF' },
        },
        ctx,
      ),
    );
    expect(written(effects, 'opportunity')).toMatchObject({
      accountId: 'a1',
      contactId: 'c1',
      topic: 'Trattori',
      currency: 'CHF',
    });
  });

  it('creates only the opportunity for a lead with a company and no person', () => {
    const lead = newLead({ firstName: '', lastName: '' });
    const effects = unwrap(qualifyLead({ lead }, { opportunity: { mode: 'none' } }, ctx));
    expect(effects.writes.map((w) => w.type)).toEqual(['account', 'activity', 'activity', 'lead']);
    expect(written(effects, 'account')?.email).toBe('mario.rossi@officinerossi.it');
    expect(written(effects, 'lead')?.qualifiedOpportunityId).toBeNull();
  });

  it('starts in Qualify when there is no customer to develop', () => {
    const lead = newLead({ company: '' });
    const effects = unwrap(qualifyLead({ lead }, { contact: { mode: 'none' } }, ctx));
    expect(written(effects, 'opportunity')?.stage).toBe('qualify');
  });

  it('refuses a lead that is not open', () => {
    const lead = newLead();
    const qualified = written(unwrap(qualifyLead({ lead }, {}, ctx)), 'lead') as Lead;
    const again = qualifyLead({ lead: qualified }, {}, ctx);
    expect(errorCode(again)).toBe('lead.not_open');
    if (!again.ok) expect(again.error.message.it).toMatch(/già qualificato/);
  });

  it('refuses an invalid currency for the opportunity', () => {
    const lead = newLead();
    expect(
      errorCode(qualifyLead({ lead }, { opportunity: { mode: 'create', currency: 'euro' } }, ctx)),
    ).toBe('pricing.currency_invalid');
  });

  it('is idempotent: a crash after any write and a retry equal one qualify (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          firstName: fc.constantFrom('', 'Anna', 'Luca'),
          lastName: fc.constantFrom('Verdi', 'Neri', ''),
          company: fc.constantFrom('', 'Agri Srl', 'Vini Spa'),
          rating: fc.constantFrom('hot' as const, 'warm' as const, 'cold' as const),
        }),
        fc.nat(),
        fc.boolean(),
        (fields, crash, laterRetry) => {
          if (`${fields.firstName}${fields.lastName}${fields.company}` === '') return;
          const lead = newLead({ ...fields, email: '' });
          const once = new MemoryStore();
          once.put({ type: 'lead', doc: lead });
          const effects = unwrap(qualifyLead({ lead }, {}, ctx));
          once.apply(effects);

          const twice = new MemoryStore();
          twice.put({ type: 'lead', doc: lead });
          twice.apply(effects, crash % effects.writes.length);
          // The retry reads the lead from the store, as a restarted device would.
          const stored = twice.get('lead', lead.id) as Lead;
          const retryCtx = laterRetry ? makeCtx('2026-03-10T09:05:00.000Z', ctx.actor, 7) : ctx;
          twice.apply(unwrap(qualifyLead({ lead: stored }, {}, retryCtx)));
          if (laterRetry) {
            expect(Object.keys(twice.snapshot())).toEqual(Object.keys(once.snapshot()));
            for (const type of ['account', 'contact', 'opportunity', 'activity', 'lead'] as const) {
              expect(
                twice
                  .all(type)
                  .map((d) => d.id)
                  .sort(),
              ).toEqual(
                once
                  .all(type)
                  .map((d) => d.id)
                  .sort(),
              );
            }
          } else {
            expect(twice.snapshot()).toEqual(once.snapshot());
          }
          // And once qualified, a further qualify is refused and changes nothing.
          expect(
            errorCode(qualifyLead({ lead: twice.get('lead', lead.id) as Lead }, {}, ctx)),
          ).toBe('lead.not_open');
        },
      ),
    );
  });
});

describe('disqualifyLead and reactivateLead', () => {
  it('disqualifies with a reason and reactivates as new, each with its activity', () => {
    const lead = newLead();
    const out = unwrap(
      disqualifyLead({ lead, opportunities: [] }, { reason: 'cannot_contact' }, ctx),
    );
    const disq = written(out, 'lead') as Lead;
    expect(disq).toMatchObject({ state: 'disqualified', status: 'cannot_contact' });
    expect(written(out, 'activity')).toMatchObject({
      event: 'lead.disqualified',
      data: { reason: 'cannot_contact' },
    });
    const later = makeCtx('2026-04-01T00:00:00.000Z');
    const back = unwrap(reactivateLead(disq, later));
    expect(written(back, 'lead')).toMatchObject({ state: 'open', status: 'new' });
    expect(written(back, 'activity')?.event).toBe('lead.reactivated');
  });

  it('refuses to disqualify a lead with an opportunity, or one that is not open', () => {
    const lead = newLead();
    const opportunity = written(
      unwrap(createOpportunity({ topic: 'x', originatingLeadId: lead.id }, ctx)),
      'opportunity',
    );
    if (opportunity === undefined) throw new Error('no opportunity');
    expect(
      errorCode(disqualifyLead({ lead, opportunities: [opportunity] }, { reason: 'lost' }, ctx)),
    ).toBe('lead.has_opportunity');
    expect(
      errorCode(
        disqualifyLead(
          { lead: { ...lead, qualifiedOpportunityId: opportunity.id }, opportunities: [] },
          { reason: 'lost' },
          ctx,
        ),
      ),
    ).toBe('lead.has_opportunity');
    const qualified = written(unwrap(qualifyLead({ lead }, {}, ctx)), 'lead') as Lead;
    expect(
      errorCode(disqualifyLead({ lead: qualified, opportunities: [] }, { reason: 'lost' }, ctx)),
    ).toBe('lead.not_open');
    expect(
      errorCode(
        disqualifyLead({ lead, opportunities: [] }, { reason: 'bored' as unknown as 'lost' }, ctx),
      ),
    ).toBe('lead.reason_invalid');
  });

  it('reactivates only a disqualified lead', () => {
    expect(errorCode(reactivateLead(newLead(), ctx))).toBe('lead.not_disqualified');
  });
});

describe('findDuplicateCandidates', () => {
  it('ranks same VAT, same email and similar company names, with reasons', () => {
    const lead = newLead();
    const account = (id: string, name: string, vatNumber = '', email = ''): Account => ({
      ...(written(
        unwrap(createAccount({ id, name, vatNumber, email }, ctx)),
        'account',
      ) as Account),
    });
    const other = newLead({
      id: 'lead-2',
      email: 'MARIO.ROSSI@officinerossi.it',
      company: 'Altro',
      vatNumber: '',
    });
    const candidates = findDuplicateCandidates(lead, {
      leads: [lead, other],
      accounts: [
        account('a-vat', 'Something Else', 'IT 01234567897'),
        account('a-name', 'OFFICINE ROSSI SPA'),
        account('a-near', 'Officine Rosi'),
        account('a-none', 'Pasticceria Dolce'),
      ],
      contacts: [],
    });
    expect(candidates.map((c) => [c.id, c.reasons])).toEqual([
      ['a-vat', ['vat_number']],
      ['lead-2', ['email']],
      ['a-name', ['company_name']],
      ['a-near', ['company_name']],
    ]);
    expect(candidates[2]?.score).toBeGreaterThan(candidates[3]?.score ?? 0);
    expect(candidates[1]?.label).toBe('Mario Rossi, Altro');
  });

  it('never lists the lead itself and finds nothing for an empty lead profile', () => {
    const lead = newLead({ email: '', vatNumber: '', company: 'Zeta' });
    expect(findDuplicateCandidates(lead, { leads: [lead] })).toEqual([]);
  });
});
