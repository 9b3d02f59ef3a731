import { describe, expect, it } from 'vitest';
import { createContact, updateContact } from './contact';
import { written } from './effects';
import type { Contact } from './records';
import { contactSchema } from './records';
import { errorCode, makeCtx, unwrap } from './test-fixtures';

const ctx = makeCtx();

describe('contacts', () => {
  it('creates a contact at an account', () => {
    const effects = unwrap(
      createContact(
        { firstName: 'Anna', lastName: 'Bruni', accountId: 'a-1', email: 'anna@bruni.it' },
        ctx,
      ),
    );
    const contact = written(effects, 'contact') as Contact;
    expect(contactSchema.parse(contact)).toEqual(contact);
    expect(contact).toMatchObject({
      accountId: 'a-1',
      searchTerms: ['anna', 'bruni', 'anna@bruni.it'],
    });
    expect(written(effects, 'activity')?.event).toBe('contact.created');
  });

  it('needs a name and a valid email, also on update', () => {
    expect(errorCode(createContact({}, ctx))).toBe('contact.name_required');
    expect(errorCode(createContact({ lastName: 'x', email: 'no' }, ctx))).toBe(
      'input.email_invalid',
    );
    const contact = written(
      unwrap(createContact({ lastName: 'Bruni' }, ctx)),
      'contact',
    ) as Contact;
    expect(
      written(unwrap(updateContact(contact, { jobTitle: 'Enologa' }, ctx)), 'contact')?.jobTitle,
    ).toBe('Enologa');
    expect(errorCode(updateContact(contact, { lastName: '' }, ctx))).toBe('contact.name_required');
  });
});
