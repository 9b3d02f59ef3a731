// Accounts, contacts and opportunities: first those that qualifying the qualified leads
// created, then others on the office's existing customers, up to the requested counts.
import type { Account, Contact, Lead, Opportunity } from '../domain/records';
import { accountFromLead, contactFromLead, generateAccount, generateContact } from './companies';
import type { CatalogIndex } from './lines';
import { generateOpportunity, opportunityOnAccount } from './opportunities';
import type { Rng } from './prng';

export type CrmCounts = { accounts: number; contacts: number; opportunities: number };
export type Crm = { accounts: Account[]; contacts: Contact[]; opportunities: Opportunity[] };

export const generateCrm = (
  rng: Rng,
  leads: readonly Lead[],
  sellers: readonly string[],
  counts: CrmCounts,
  catalog: CatalogIndex,
  nowMs: number,
): Crm => {
  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const opportunities: Opportunity[] = [];
  const contactsOf = new Map<string, Contact[]>();
  const addContact = (contact: Contact): void => {
    contacts.push(contact);
    if (contact.accountId === null) return;
    const list = contactsOf.get(contact.accountId);
    if (list === undefined) contactsOf.set(contact.accountId, [contact]);
    else list.push(contact);
  };
  for (const lead of leads) {
    if (lead.state !== 'qualified') continue;
    const account = accountFromLead(rng, lead, nowMs);
    const contact = contactFromLead(lead, account);
    accounts.push(account);
    addContact(contact);
    const createdMs = Date.parse(account.createdAt);
    opportunities.push(
      generateOpportunity(
        rng,
        { ownerId: lead.ownerId, account, contact, lead, createdMs },
        catalog,
        nowMs,
      ),
    );
  }
  for (let i = accounts.length; i < counts.accounts && sellers.length > 0; i++) {
    accounts.push(generateAccount(rng, sellers[i % sellers.length] as string, nowMs));
  }
  while (contacts.length < counts.contacts && accounts.length > 0) {
    addContact(generateContact(rng, rng.pick(accounts), nowMs));
  }
  while (opportunities.length < counts.opportunities && accounts.length > 0) {
    const account = rng.pick(accounts);
    const known = contactsOf.get(account.id) ?? [];
    opportunities.push(opportunityOnAccount(rng, account, known, catalog, nowMs));
  }
  return { accounts, contacts, opportunities };
};
