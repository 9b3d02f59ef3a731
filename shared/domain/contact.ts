// Contacts (DESIGN.md §2): the people at an account.
import type { Regarding } from './activity';
import { systemActivity } from './activity';
import type { RuleContext } from './context';
import type { Effects } from './effects';
import { write } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { derivedId } from './ids';
import type { Consent, Contact } from './records';
import { checkEmail, created, defined, firstError, touched } from './rule-kit';
import { searchTermsForContact } from './search';
import { personName } from './person-name';

export type ContactFields = {
  accountId: string | null;
  firstName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  phone: string;
  mobile: string;
};

export type ContactInput = Partial<ContactFields> & {
  /** Pass the same id on a retry so nothing is created twice; a fresh one by default. */
  id?: string;
  ownerId?: string;
  originatingLeadId?: string | null;
  consent?: Consent;
};

export type ContactPatch = Partial<ContactFields>;

const checkContact = (c: ContactFields): Result<void> =>
  firstError(
    c.firstName.trim() === '' && c.lastName.trim() === ''
      ? fail(
          'contact.name_required',
          'The contact needs a first or last name.',
          'Il contatto richiede un nome o un cognome.',
          'lastName',
        )
      : ok(undefined),
    checkEmail(c.email),
  );

/** A new contact document, checked; no timeline activity (see createContact). */
export const buildContact = (input: ContactInput, ctx: RuleContext): Result<Contact> => {
  const fields: ContactFields = {
    accountId: input.accountId ?? null,
    firstName: (input.firstName ?? '').trim(),
    lastName: (input.lastName ?? '').trim(),
    jobTitle: input.jobTitle ?? '',
    email: (input.email ?? '').trim(),
    phone: input.phone ?? '',
    mobile: input.mobile ?? '',
  };
  const check = checkContact(fields);
  if (!check.ok) return check;
  return ok({
    ...created(ctx, input.id ?? ctx.newId(), input.ownerId),
    ...fields,
    originatingLeadId: input.originatingLeadId ?? null,
    searchTerms: searchTermsForContact(fields),
    ...(input.consent === undefined ? {} : { consent: input.consent }),
  });
};

export const contactRegarding = (c: Contact): Regarding => ({
  type: 'contact',
  id: c.id,
  ownerId: c.ownerId,
});

export const contactCreatedActivity = (ctx: RuleContext, contact: Contact) =>
  systemActivity(
    ctx,
    contactRegarding(contact),
    'contact.created',
    personName(contact),
    { accountId: contact.accountId, originatingLeadId: contact.originatingLeadId },
    derivedId(contact.id, 'activity:contact.created'),
  );

export const createContact = (input: ContactInput, ctx: RuleContext): Result<Effects> => {
  const contact = buildContact(input, ctx);
  if (!contact.ok) return contact;
  return ok({
    writes: [
      write('activity', contactCreatedActivity(ctx, contact.value)),
      write('contact', contact.value),
    ],
  });
};

export const updateContact = (
  contact: Contact,
  patch: ContactPatch,
  ctx: RuleContext,
): Result<Effects> => {
  const next = { ...contact, ...defined(patch) };
  const check = checkContact(next);
  if (!check.ok) return check;
  return ok({
    writes: [
      write('contact', { ...next, ...touched(ctx), searchTerms: searchTermsForContact(next) }),
    ],
  });
};
