// A vCard/MeCard contact as the fields of a new lead: the preferred email, a work phone and
// a mobile, the first address. Values are cut to the lead's field sizes, never refused.
import type { Address } from '../domain/records';
import type { LeadInput } from '../domain/lead';
import type { CardContact, CardPhone } from './vcard';

const cut = (value: string, max: number): string => value.trim().slice(0, max);

const isMobile = (p: CardPhone) => p.types.includes('cell');
const isFax = (p: CardPhone) => p.types.includes('fax');

const nameFromFull = (full: string): { firstName: string; lastName: string } => {
  const parts = full.trim().split(/\s+/);
  if (parts.length <= 1) return { firstName: '', lastName: parts[0] ?? '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] ?? '' };
};

const addressOf = (contact: CardContact): Address => {
  const adr =
    contact.addresses.find((a) => a.types.includes('pref')) ??
    contact.addresses.find((a) => a.types.includes('work')) ??
    contact.addresses[0];
  if (adr === undefined) return {};
  const address: Address = {};
  if (adr.street !== '') address.street = cut(adr.street, 200);
  if (adr.city !== '') address.city = cut(adr.city, 100);
  if (adr.postalCode !== '') address.postalCode = cut(adr.postalCode, 20);
  if (adr.province !== '') address.province = cut(adr.province, 50);
  // The lead keeps ISO country codes only; a spelled-out country goes unmapped.
  if (/^[A-Za-z]{2}$/.test(adr.country)) address.country = adr.country.toUpperCase();
  return address;
};

export type ContactLeadFields = Pick<
  LeadInput,
  | 'firstName'
  | 'lastName'
  | 'company'
  | 'jobTitle'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'website'
  | 'address'
  | 'notes'
>;

export const leadFieldsFromContact = (contact: CardContact): ContactLeadFields => {
  const named =
    contact.firstName !== '' || contact.lastName !== ''
      ? { firstName: contact.firstName, lastName: contact.lastName }
      : nameFromFull(contact.fullName);
  const voice = contact.phones.filter((p) => !isFax(p) && !isMobile(p));
  const phone =
    voice.find((p) => p.types.includes('work')) ?? voice.find((p) => p.types.includes('pref'));
  const mobile = contact.phones.find(isMobile);
  return {
    firstName: cut(named.firstName, 100),
    lastName: cut(named.lastName, 100),
    company: cut(contact.company, 200),
    jobTitle: cut(contact.jobTitle, 100),
    email: cut(contact.emails[0] ?? '', 254),
    phone: cut((phone ?? voice[0])?.number ?? '', 40),
    mobile: cut(mobile?.number ?? '', 40),
    website: cut(contact.urls[0] ?? '', 200),
    address: addressOf(contact),
    notes: cut(contact.notes.join('\n\n'), 10000),
  };
};
