import { describe, expect, it } from 'vitest';
import { findCaptureDuplicates } from './capture-duplicates';
import type { CaptureDraft } from './capture-duplicates';
import { createLead } from './lead';
import type { Lead } from './records';
import { makeCtx } from './test-fixtures';

const ctx = makeCtx();
const lead = (fields: Partial<Lead>): Lead => {
  const made = createLead(fields, ctx);
  if (!made.ok) throw new Error('fixture');
  return made.value.writes.find((w) => w.type === 'lead')!.doc as Lead;
};
const draft = (fields: Partial<CaptureDraft>): CaptureDraft => ({
  firstName: '',
  lastName: '',
  company: '',
  email: '',
  phone: '',
  mobile: '',
  vatNumber: '',
  ...fields,
});

describe('duplicate warning while typing', () => {
  const anna = lead({
    firstName: 'Anna',
    lastName: 'Rossi',
    company: 'Officine Brenta S.r.l.',
    email: 'anna@brenta.it',
    phone: '+39 049 1234567',
  });
  const other = lead({ firstName: 'Anna', lastName: 'Rossi', company: 'Altra Ditta' });
  const pool = { leads: [anna, other] };

  it('finds the same email, the same phone written differently, the same person at the company', () => {
    expect(findCaptureDuplicates(draft({ email: 'ANNA@brenta.it' }), pool)[0]).toMatchObject({
      id: anna.id,
      reasons: ['email'],
    });
    expect(findCaptureDuplicates(draft({ phone: '049 123 4567' }), pool)).toMatchObject([
      { id: anna.id, reasons: ['phone'] },
    ]);
    const person = findCaptureDuplicates(
      draft({ firstName: 'anna', lastName: 'Rossi', company: 'Officine Brenta' }),
      pool,
    );
    expect(person[0]).toMatchObject({ id: anna.id, reasons: ['company_name', 'person'] });
    // The same name at another company is not the same person.
    expect(person.some((p) => p.id === other.id)).toBe(false);
  });

  it('warns about nothing for a stranger', () => {
    expect(findCaptureDuplicates(draft({ lastName: 'Verdi', phone: '333 000000' }), pool)).toEqual(
      [],
    );
  });
});
