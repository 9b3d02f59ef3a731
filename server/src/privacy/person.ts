// Who a GDPR request is about: the person is found by email, phone or name at a company, on
// leads and contacts, and followed to what qualify made of them (contact, account). The
// mentions of them elsewhere (timeline notes, documents' free text) are found by the same
// identifiers.
import type { LocalizedText } from '../../../shared/domain/errors';
import type { Account, Contact, Lead } from '../../../shared/domain/records';
import { OfficeError } from '../office';
import type { Storage, StoredDoc } from '../storage/types';
import { personName } from '../../../shared/domain/person-name';

/** What identifies the person; at least one of email, phone, or name with company. */
export type PersonQuery = { email?: string; phone?: string; name?: string; company?: string };

/** A refused GDPR request, in each language (the command line prints the English). */
export class PrivacyRequestError extends OfficeError {
  constructor(
    messages: LocalizedText,
    readonly reason: 'bad_request' | 'not_found' = 'bad_request',
  ) {
    super(messages.en, messages.it);
  }
}

export type PersonRecords = {
  leads: Lead[];
  contacts: Contact[];
  /** Accounts made from the person's lead or holding the person as contact. */
  accounts: Account[];
  /** The person's own identifiers (emails, phones, full names) as found on their records. */
  needles: Needles;
};

export type Needles = { emails: string[]; phones: string[]; names: string[] };

const fold = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();

/** A phone's digits without the international prefix, so +39 02… and 02… compare equal. */
export const phoneDigits = (phone: string): string => {
  const digits = phone.replace(/\D/g, '').replace(/^00/, '');
  return phone.trim().startsWith('+') || phone.trim().startsWith('00')
    ? digits.replace(/^(39|41|33|49|44|34|43|1)/, '')
    : digits;
};

// Seven digits at least: shorter ones (an extension, a year) would match strangers.
const samePhone = (a: string, b: string): boolean => {
  const x = phoneDigits(a);
  const y = phoneDigits(b);
  return x.length >= 7 && y.length >= 7 && (x === y || x.endsWith(y) || y.endsWith(x));
};

const fullName = (p: { firstName: string; lastName: string }): string =>
  fold(`${p.firstName} ${p.lastName}`);

const live = <T>(docs: StoredDoc[]): T[] =>
  docs.filter((d) => !d.deleted).map((d) => d.doc as unknown as T);

export const checkPersonQuery = (query: PersonQuery): PersonQuery => {
  const clean = (v: string | undefined): string | undefined =>
    v === undefined || v.trim() === '' ? undefined : v.trim();
  const q: PersonQuery = {};
  const email = clean(query.email);
  const phone = clean(query.phone);
  const name = clean(query.name);
  const company = clean(query.company);
  if (email !== undefined) q.email = email;
  if (phone !== undefined) {
    if (phoneDigits(phone).length < 7)
      throw new PrivacyRequestError({
        en: `"${phone}" is too short to be a phone number: give at least 7 digits.`,
        it: `"${phone}" è troppo corto per essere un numero di telefono: servono almeno 7 cifre.`,
      });
    q.phone = phone;
  }
  if ((name === undefined) !== (company === undefined))
    throw new PrivacyRequestError({
      en: 'A name is looked up at a company: give both the name and the company.',
      it: 'Un nome si cerca presso un’azienda: indica sia il nome sia l’azienda.',
    });
  if (name !== undefined && company !== undefined) {
    q.name = name;
    q.company = company;
  }
  if (q.email === undefined && q.phone === undefined && q.name === undefined)
    throw new PrivacyRequestError({
      en: 'Give the email, the phone, or the name and company of the person.',
      it: 'Indica l’email, il telefono, oppure il nome e l’azienda della persona.',
    });
  return q;
};

/** The person's leads, contacts and accounts; refuses when nothing matches. */
export const findPerson = async (storage: Storage, raw: PersonQuery): Promise<PersonRecords> => {
  const query = checkPersonQuery(raw);
  const allLeads = live<Lead>(await storage.allDocs('leads'));
  const allContacts = live<Contact>(await storage.allDocs('contacts'));
  const allAccounts = live<Account>(await storage.allDocs('accounts'));
  const accountName = new Map(allAccounts.map((a) => [a.id, fold(a.name)]));
  const email = query.email === undefined ? undefined : fold(query.email);
  const name = query.name === undefined ? undefined : fold(query.name);
  const company = query.company === undefined ? undefined : fold(query.company);
  const isPerson = (
    p: { email: string; phone: string; mobile: string; firstName: string; lastName: string },
    companyName: string | undefined,
  ): boolean =>
    (email !== undefined && fold(p.email) === email) ||
    (query.phone !== undefined &&
      (samePhone(p.phone, query.phone) || samePhone(p.mobile, query.phone))) ||
    (name !== undefined && fullName(p) === name && companyName === company);

  const leads = new Map(allLeads.filter((l) => isPerson(l, fold(l.company))).map((l) => [l.id, l]));
  const contacts = new Map(
    allContacts
      .filter((c) => isPerson(c, c.accountId === null ? undefined : accountName.get(c.accountId)))
      .map((c) => [c.id, c]),
  );
  // Qualify turned the lead into a contact (and an account): both are the same person.
  for (const c of allContacts)
    if (c.originatingLeadId !== null && leads.has(c.originatingLeadId)) contacts.set(c.id, c);
  for (const l of allLeads)
    if (l.qualifiedContactId !== null && contacts.has(l.qualifiedContactId)) leads.set(l.id, l);
  if (leads.size + contacts.size === 0) {
    const asked = [query.email, query.phone, query.name && `${query.name} (${query.company})`]
      .filter((v) => v !== undefined)
      .join(', ');
    throw new PrivacyRequestError(
      {
        en: `No lead or contact matches ${asked}.`,
        it: `Nessun lead o contatto corrisponde a ${asked}.`,
      },
      'not_found',
    );
  }
  const accountIds = new Set<string>();
  for (const l of leads.values()) if (l.qualifiedAccountId) accountIds.add(l.qualifiedAccountId);
  for (const c of contacts.values()) if (c.accountId) accountIds.add(c.accountId);
  const accounts = allAccounts.filter(
    (a) => accountIds.has(a.id) || (a.originatingLeadId !== null && leads.has(a.originatingLeadId)),
  );
  const people = [...leads.values(), ...contacts.values()];
  const unique = (values: string[]): string[] => [...new Set(values.filter((v) => v !== ''))];
  return {
    leads: [...leads.values()],
    contacts: [...contacts.values()],
    accounts,
    needles: {
      emails: unique([...people.map((p) => fold(p.email)), email ?? '']),
      phones: unique([...people.flatMap((p) => [p.phone, p.mobile]), query.phone ?? '']).filter(
        (p) => phoneDigits(p).length >= 7,
      ),
      // As written on the records: free text spells the name the same way.
      names: unique(people.map(personName)).filter((n) => n.includes(' ')),
    },
  };
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern finding the person's identifiers in free text. Names are only looked for in
 * records linked to the person (`names`): a namesake at another customer is someone else.
 */
export const mentionPattern = (needles: Needles, names = true): RegExp | null => {
  const parts = [
    ...needles.emails.map(escape),
    // A phone written with any spacing: 02 1234 5678, 02-12345678, (02) 12345678.
    ...needles.phones.map((p) => phoneDigits(p).split('').join('[\\s./()-]*')),
    // Either order: "Mario Verdi" and "Verdi Mario", in any case.
    ...(names ? needles.names : []).flatMap((n) => {
      const words = n.split(' ').map(escape);
      return [words.join('\\s+'), [...words].reverse().join('\\s+')];
    }),
  ];
  return parts.length === 0 ? null : new RegExp(parts.join('|'), 'giu');
};

/** True when the text mentions the person. */
export const mentions = (pattern: RegExp | null, text: string): boolean => {
  if (pattern === null || text === '') return false;
  pattern.lastIndex = 0;
  const hit = pattern.test(text);
  pattern.lastIndex = 0;
  return hit;
};

export const erasedMark = '[erased]';

/** The text with every mention of the person replaced by a mark. */
export const redact = (pattern: RegExp | null, text: string): string => {
  if (pattern === null || !mentions(pattern, text)) return text;
  return text.replace(pattern, erasedMark);
};

type Linkable = {
  id: string;
  accountId?: string | null;
  contactId?: string | null;
  originatingLeadId?: string | null;
  opportunityId?: string | null;
  quoteId?: string | null;
  orderId?: string | null;
};

/** Adds to `linked` the ids of the records that point at one already in it. */
export const followLinks = (linked: Set<string>, records: readonly Linkable[]): void => {
  const refs = (r: Linkable) => [
    r.accountId,
    r.contactId,
    r.originatingLeadId,
    r.opportunityId,
    r.quoteId,
    r.orderId,
  ];
  for (const r of records) if (refs(r).some((id) => id != null && linked.has(id))) linked.add(r.id);
};
