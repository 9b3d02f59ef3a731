// Duplicate look-up for many leads at once: the parties sharing an email, a VAT number or the
// start of a company name are picked from maps, then ranked by findDuplicateCandidates (the
// same rules as one lead at a time). Similar names that differ in their first three letters
// are not compared, the price of staying linear on a 10,000-row import.
import type { DuplicateCandidate, DuplicatePool } from '../domain/duplicates';
import { companyWords, findDuplicateCandidates, normalizeVatNumber } from '../domain/duplicates';
import type { Account, Contact, Lead } from '../domain/records';
import { normalizeText } from '../domain/search';

type Bucket = { leads: Lead[]; accounts: Account[]; contacts: Contact[] };

const companyPrefix = (name: string): string => companyWords(name).join('').slice(0, 3);

export type DuplicateIndex = {
  candidates(lead: Lead): DuplicateCandidate[];
};

export const buildDuplicateIndex = (pool: DuplicatePool): DuplicateIndex => {
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string): Bucket => {
    let b = buckets.get(key);
    if (b === undefined) {
      b = { leads: [], accounts: [], contacts: [] };
      buckets.set(key, b);
    }
    return b;
  };
  const keysOf = (email: string, vat: string, company: string): string[] => {
    const keys: string[] = [];
    const e = normalizeText(email);
    if (e !== '') keys.push(`e:${e}`);
    const v = normalizeVatNumber(vat);
    if (v !== '') keys.push(`v:${v}`);
    const c = companyPrefix(company);
    if (c.length === 3) keys.push(`c:${c}`);
    return keys;
  };
  for (const l of pool.leads ?? []) {
    for (const k of keysOf(l.email, l.vatNumber, l.company)) bucket(k).leads.push(l);
  }
  for (const a of pool.accounts ?? []) {
    for (const k of keysOf(a.email, a.vatNumber, a.name)) bucket(k).accounts.push(a);
  }
  for (const c of pool.contacts ?? []) {
    for (const k of keysOf(c.email, '', '')) bucket(k).contacts.push(c);
  }
  return {
    candidates: (lead) => {
      const leads = new Set<Lead>();
      const accounts = new Set<Account>();
      const contacts = new Set<Contact>();
      for (const k of keysOf(lead.email, lead.vatNumber, lead.company)) {
        const b = buckets.get(k);
        if (b === undefined) continue;
        b.leads.forEach((x) => leads.add(x));
        b.accounts.forEach((x) => accounts.add(x));
        b.contacts.forEach((x) => contacts.add(x));
      }
      if (leads.size + accounts.size + contacts.size === 0) return [];
      return findDuplicateCandidates(lead, {
        leads: [...leads],
        accounts: [...accounts],
        contacts: [...contacts],
      });
    },
  };
};
