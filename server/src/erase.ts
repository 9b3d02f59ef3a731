// GDPR erasure of a person (Art. 17), found by email, phone or name at a company
// (privacy/person.ts). Their leads and contacts are purged and become tombstones, so every
// device deletes its copy; the phone and email qualify copied onto an account are blanked;
// timeline entries about them are purged, and mentions of them in other entries and in
// documents' free text are replaced by a mark. Fiscal documents stay (their number, dates,
// lines, totals and customer account are what the law keeps). Every change is a new server
// revision, so devices receive it at their next pull like any other change.
import type {
  Account,
  Activity,
  AnyRecord,
  Contact,
  Invoice,
  Lead,
  Line,
  Opportunity,
  Order,
  Quote,
} from '../../shared/domain/records';
import { searchTermsForAccount, searchTermsForOpportunity } from '../../shared/domain/search';
import type { SyncCollection } from '../../shared/sync/protocol';
import { OFFICE_OWNER_ID, writeOfficeDocs } from './office';
import type { PersonQuery } from './privacy/person';
import {
  findPerson,
  followLinks,
  mentionPattern,
  mentions,
  phoneDigits,
  redact,
} from './privacy/person';
import type { Storage } from './storage/types';

export type ErasureReport = {
  leads: number;
  contacts: number;
  accounts: number;
  activities: number;
  opportunities: number;
  quotes: number;
  orders: number;
  invoices: number;
};

const purged = (now: string) => ({ updatedAt: now, updatedBy: OFFICE_OWNER_ID });

const purgeLead = (l: Lead, now: string): Lead => ({
  ...l,
  ...purged(now),
  topic: '',
  firstName: '',
  lastName: '',
  company: '',
  jobTitle: '',
  email: '',
  phone: '',
  mobile: '',
  website: '',
  address: {},
  vatNumber: '',
  sourceDetail: '',
  need: '',
  notes: '',
  budget: null,
  consent: { given: false, at: null, how: null, wording: null },
  searchTerms: [],
});

// The consent record goes too: it holds when and how this person agreed or withdrew.
const purgeContact = ({ consent: _consent, ...c }: Contact, now: string): Contact => ({
  ...c,
  ...purged(now),
  firstName: '',
  lastName: '',
  jobTitle: '',
  email: '',
  phone: '',
  mobile: '',
  searchTerms: [],
});

const purgeActivity = (a: Activity, now: string): Activity => ({
  ...a,
  ...purged(now),
  subject: '',
  body: '',
  data: null,
});

const changed = (before: unknown, after: unknown): boolean =>
  JSON.stringify(before) !== JSON.stringify(after);

const live = async <T>(storage: Storage, collection: SyncCollection): Promise<T[]> =>
  (await storage.allDocs(collection)).filter((d) => !d.deleted).map((d) => d.doc as unknown as T);

/** Purges the person everywhere; each purged record is written once, as a new revision. */
export const erasePerson = async (
  storage: Storage,
  query: PersonQuery | string,
): Promise<ErasureReport> => {
  const person = await findPerson(storage, typeof query === 'string' ? { email: query } : query);
  const now = new Date().toISOString();
  const everywhere = mentionPattern(person.needles, false);
  const nearby = mentionPattern(person.needles, true);
  const opportunityList = await live<Opportunity>(storage, 'opportunities');
  const quoteList = await live<Quote>(storage, 'quotes');
  const orderList = await live<Order>(storage, 'orders');
  const invoiceList = await live<Invoice>(storage, 'invoices');
  // The person's records and what hangs off them: there, their name is them.
  const linked = new Set(
    [...person.leads, ...person.contacts, ...person.accounts].map((r) => r.id),
  );
  for (const list of [opportunityList, quoteList, orderList, invoiceList])
    followLinks(linked, list);
  let pattern = everywhere;
  const text = (value: string): string => redact(pattern, value);
  const within = <T extends { id: string }>(record: T, purge: (r: T) => T): T => {
    pattern = linked.has(record.id) ? nearby : everywhere;
    return purge(record);
  };
  const lines = (ls: Line[]): Line[] =>
    ls.map((l) => ({ ...l, name: text(l.name), description: text(l.description) }));
  const people = new Set([...person.leads, ...person.contacts].map((p) => p.id));
  const contacts = new Set(person.contacts.map((c) => c.id));
  const isTheirs = (value: string, phone: boolean): boolean =>
    phone
      ? person.needles.phones.some((p) => value !== '' && phoneDigits(p) === phoneDigits(value))
      : person.needles.emails.includes(value.trim().toLowerCase());

  // What qualify copied onto the account (and what was typed there since) is theirs too.
  const accounts = person.accounts.map((a): Account => {
    pattern = nearby;
    const next = {
      ...a,
      email: isTheirs(a.email, false) ? '' : a.email,
      phone: isTheirs(a.phone, true) ? '' : a.phone,
      industry: text(a.industry),
    };
    return { ...next, searchTerms: searchTermsForAccount(next) };
  });

  const activities: Activity[] = [];
  const erasedActivities: Activity[] = [];
  for (const a of await live<Activity>(storage, 'activities')) {
    if (people.has(a.regardingId)) erasedActivities.push(purgeActivity(a, now));
    else {
      pattern = linked.has(a.regardingId) ? nearby : everywhere;
      const data = a.data !== null && mentions(pattern, JSON.stringify(a.data)) ? null : a.data;
      const next = { ...a, subject: text(a.subject), body: text(a.body), data };
      if (changed(a, next)) activities.push({ ...next, ...purged(now) });
    }
  }

  const opportunities = opportunityList.flatMap((o) => {
    const next = within(o, (r) => ({
      ...r,
      ...o,
      topic: text(r.topic),
      competitor: text(r.competitor),
      closeDescription: text(r.closeDescription),
      contactId: r.contactId !== null && contacts.has(r.contactId) ? null : r.contactId,
      lines: lines(r.lines),
    }));
    const withTerms = { ...next, searchTerms: searchTermsForOpportunity(next) };
    return changed(o, withTerms) ? [{ ...withTerms, ...purged(now) }] : [];
  });
  const quotes = quoteList.flatMap((q) => {
    const next = within(q, (r) => ({
      ...r,
      name: text(r.name),
      paymentTerms: text(r.paymentTerms),
      deliveryTerms: text(r.deliveryTerms),
      contactId: r.contactId !== null && contacts.has(r.contactId) ? null : r.contactId,
      lines: lines(r.lines),
    }));
    return changed(q, next) ? [{ ...next, ...purged(now) }] : [];
  });
  const orders = orderList.flatMap((o) => {
    const next = within(o, (r) => ({ ...r, name: text(r.name), lines: lines(r.lines) }));
    return changed(o, next) ? [{ ...next, ...purged(now) }] : [];
  });
  // An invoice keeps its number, dates, amounts and customer: only free text changes.
  const invoices = invoiceList.flatMap((i) => {
    const next = within(i, (r) => ({ ...r, name: text(r.name), lines: lines(r.lines) }));
    return changed(i, next) ? [{ ...next, ...purged(now) }] : [];
  });

  const write = (collection: SyncCollection, records: AnyRecord[], deleted = false) =>
    records.length === 0
      ? Promise.resolve()
      : writeOfficeDocs(storage, collection, records, deleted);
  await write(
    'leads',
    person.leads.map((l) => purgeLead(l, now)),
    true,
  );
  await write(
    'contacts',
    person.contacts.map((c) => purgeContact(c, now)),
    true,
  );
  const changedAccounts = accounts
    .filter((a, i) => changed(a, person.accounts[i]))
    .map((a) => ({ ...a, ...purged(now) }));
  await write('accounts', changedAccounts);
  await write('activities', erasedActivities, true);
  await write('activities', activities);
  await write('opportunities', opportunities);
  await write('quotes', quotes);
  await write('orders', orders);
  await write('invoices', invoices);
  return {
    leads: person.leads.length,
    contacts: person.contacts.length,
    accounts: changedAccounts.length,
    activities: erasedActivities.length + activities.length,
    opportunities: opportunities.length,
    quotes: quotes.length,
    orders: orders.length,
    invoices: invoices.length,
  };
};

export const describeErasure = (r: ErasureReport): string =>
  `Erased: ${r.leads} leads, ${r.contacts} contacts (tombstones kept so devices delete their copies); ` +
  `purged ${r.accounts} accounts, ${r.activities} activities, ${r.opportunities} opportunities, ` +
  `${r.quotes} quotes, ${r.orders} orders and ${r.invoices} invoices (fiscal data kept).`;
