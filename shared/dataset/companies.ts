// Accounts and contacts: those that qualifying a lead created (copying the lead's data,
// with the ids the qualify rule derives) and others the office already had.
import type { Account, Contact, Lead } from '../domain/records';
import { searchTermsForAccount, searchTermsForContact } from '../domain/search';
import type { Country } from './names';
import { brandCompanies, companyForms, industries, jobTitles } from './names';
import type { Rng } from './prng';
import {
  address,
  audit,
  code,
  countryWeights,
  domainOf,
  emailLocal,
  italianVatDigits,
  later,
  newId,
  pastInstant,
  person,
  phoneNumber,
  qualifiedIds,
  vatNumber,
} from './common';

export const companyName = (rng: Rng, country: Country, surname: string): string => {
  if (rng.chance(0.03)) {
    const brands = brandCompanies.filter(([, c]) => c === country);
    if (brands.length > 0) return rng.pick(brands)[0];
  }
  const [prefixes, suffixes] = companyForms[country];
  const prefix = rng.pick(prefixes);
  return [prefix, surname, rng.pick(suffixes)].filter((p) => p !== '').join(' ');
};

const countryOf = (value: string | undefined): Country =>
  (countryWeights.find(([c]) => c === value)?.[0] ?? 'IT') as Country;

/** Italian e-invoicing: SDI code for most, PEC for some; foreign customers get XXXXXXX. */
const eInvoicing = (rng: Rng, country: Country, domain: string) =>
  country !== 'IT'
    ? { sdiCode: 'XXXXXXX', pec: '' }
    : rng.chance(0.8)
      ? { sdiCode: code(rng, 7), pec: '' }
      : { sdiCode: '0000000', pec: `amministrazione@pec.${domain}` };

const accountFields = (
  rng: Rng,
  name: string,
  country: Country,
  vat: string,
): Omit<
  Account,
  'id' | 'ownerId' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'originatingLeadId'
> => {
  const domain = domainOf(name, country);
  const email = `info@${domain}`;
  const phone = phoneNumber(rng, country);
  return {
    name,
    vatNumber: vat,
    // An Italian company's tax code is normally its VAT number without the country prefix.
    taxCode: vat.startsWith('IT') ? vat.slice(2) : '',
    address: address(rng, country),
    email,
    phone,
    website: `https://www.${domain}`,
    industry: rng.pick(industries),
    ...eInvoicing(rng, country, domain),
    shippingAddress: {},
    documentLanguage: country === 'IT' ? 'it' : 'en',
    searchTerms: searchTermsForAccount({ name, email, phone, vatNumber: vat }),
  };
};

export const accountFromLead = (rng: Rng, lead: Lead, nowMs: number): Account => {
  const country = countryOf(lead.address.country);
  const vat =
    lead.vatNumber || (country === 'IT' ? `IT${italianVatDigits(rng)}` : vatNumber(rng, country));
  const createdMs = later(rng, Date.parse(lead.createdAt), nowMs, 20);
  const fields = accountFields(
    rng,
    lead.company || `${lead.lastName} ${lead.firstName}`,
    country,
    vat,
  );
  // Qualify copies what the lead already says about the company.
  const phone = lead.phone || fields.phone;
  return {
    ...audit(qualifiedIds(lead.id).accountId, lead.ownerId, createdMs),
    ...fields,
    address: lead.address.city ? lead.address : fields.address,
    phone,
    website: lead.website || fields.website,
    originatingLeadId: lead.id,
    searchTerms: searchTermsForAccount({
      name: fields.name,
      email: fields.email,
      phone,
      vatNumber: vat,
    }),
  };
};

export const contactFromLead = (lead: Lead, account: Account): Contact => {
  const fields = {
    firstName: lead.firstName,
    lastName: lead.lastName,
    email: lead.email,
    phone: lead.phone,
    mobile: lead.mobile,
  };
  return {
    ...audit(qualifiedIds(lead.id).contactId, lead.ownerId, Date.parse(account.createdAt)),
    accountId: account.id,
    ...fields,
    jobTitle: lead.jobTitle,
    originatingLeadId: lead.id,
    searchTerms: searchTermsForContact(fields),
  };
};

export const generateAccount = (rng: Rng, ownerId: string, nowMs: number): Account => {
  const country = rng.weighted(countryWeights);
  const name = companyName(rng, country, person(rng, country).lastName);
  const createdMs = pastInstant(rng, nowMs, 700);
  return {
    ...audit(newId(rng, createdMs), ownerId, createdMs, later(rng, createdMs, nowMs, 60)),
    ...accountFields(rng, name, country, vatNumber(rng, country)),
    originatingLeadId: null,
  };
};

export const generateContact = (rng: Rng, account: Account, nowMs: number): Contact => {
  const country = countryOf(account.address.country);
  const who = person(rng, country);
  const domain = account.website.replace(/^https:\/\/www\./, '');
  const fields = {
    firstName: who.firstName,
    lastName: who.lastName,
    email: `${emailLocal(who.firstName, who.lastName)}@${domain}`,
    phone: rng.chance(0.6) ? phoneNumber(rng, country) : '',
    mobile: rng.chance(0.7) ? phoneNumber(rng, country, true) : '',
  };
  const createdMs = later(rng, Date.parse(account.createdAt), nowMs, 90);
  return {
    ...audit(newId(rng, createdMs), account.ownerId, createdMs),
    accountId: account.id,
    ...fields,
    jobTitle: rng.pick(jobTitles),
    originatingLeadId: null,
    searchTerms: searchTermsForContact(fields),
  };
};
