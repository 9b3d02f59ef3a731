// The one deterministic dataset generator of DESIGN.md §7: the demo, the office and the
// heavy device all come from here. Pure: seeded PRNG, time derived from `now`.
import type { NumberingState } from '../domain/numbering';
import { initialNumbering, nextNumber } from '../domain/numbering';
import type {
  Account,
  Activity,
  Contact,
  Invoice,
  Lead,
  Opportunity,
  Order,
  PriceList,
  Product,
  Quote,
  Refdata,
} from '../domain/records';
import type { Regardable } from './activities';
import { generateActivity } from './activities';
import { generateCatalog } from './catalog';
import { DEFAULT_NOW, parseNow } from './common';
import { accountFromLead, contactFromLead, generateAccount, generateContact } from './companies';
import { generateInvoice, generateOrder, generateQuoteChain } from './documents';
import { generateLeads } from './leads';
import { indexCatalog } from './lines';
import { generateOpportunity, opportunityOnAccount } from './opportunities';
import type { DatasetTeam, DatasetUser } from './people';
import { generatePeople, generateRefdata } from './people';
import { createRng } from './prng';

export { generateLeadChunks, generateLeads } from './leads';
export type { LeadStreamOptions } from './leads';
export { EMAIL_DOMAIN, demoExchangeRates } from './people';
export type { DatasetTeam, DatasetUser } from './people';

export type DatasetSizes = {
  sellers: number;
  teams: number;
  leads: number;
  accounts: number;
  contacts: number;
  opportunities: number;
  quotes: number;
  orders: number;
  invoices: number;
  activities: number;
};

export type DatasetOptions = { seed: number; now?: string } & Partial<DatasetSizes>;

export type Dataset = {
  teams: DatasetTeam[];
  users: DatasetUser[];
  products: Product[];
  priceLists: PriceList[];
  refdata: Refdata[];
  leads: Lead[];
  accounts: Account[];
  contacts: Contact[];
  opportunities: Opportunity[];
  quotes: Quote[];
  orders: Order[];
  invoices: Invoice[];
  activities: Activity[];
};

export const datasetSizes = {
  /** A few hundred records at every stage: 6 sellers in 2 teams, 2 managers, 1 admin. */
  demo: {
    sellers: 6,
    teams: 2,
    leads: 300,
    accounts: 80,
    contacts: 120,
    opportunities: 100,
    quotes: 60,
    orders: 30,
    invoices: 25,
    activities: 600,
  },
  /** The office of DESIGN.md §7 (for the server's budgets). */
  office: {
    sellers: 100,
    teams: 10,
    leads: 100_000,
    accounts: 20_000,
    contacts: 30_000,
    opportunities: 25_000,
    quotes: 15_000,
    orders: 8_000,
    invoices: 8_000,
    activities: 300_000,
  },
} as const satisfies Record<string, DatasetSizes>;

const byCreation = <T extends { createdAt: string; id: string }>(a: T, b: T): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

/**
 * Generates a consistent dataset: qualified leads with the account, contact and opportunity
 * they created, quotes on opportunities (with revisions), orders from won quotes, invoices
 * from invoiced orders, activities on everything. Counts are exact whenever the records they
 * hang on exist (e.g. no quotes without opportunities).
 */
export const generateDataset = (options: DatasetOptions): Dataset => {
  const size: DatasetSizes = { ...datasetSizes.demo };
  for (const key of Object.keys(size) as (keyof DatasetSizes)[]) {
    const value = options[key];
    if (value !== undefined) size[key] = Math.max(0, Math.floor(value));
  }
  const { seed } = options;
  const now = options.now ?? DEFAULT_NOW;
  const nowMs = parseNow(now);
  const people = generatePeople(Math.max(1, size.sellers), size.teams, nowMs);
  const sellers = people.users.filter((u) => u.role === 'seller').map((u) => u.id);
  const office = people.users.find((u) => u.role === 'admin') as DatasetUser;
  const { products, priceLists } = generateCatalog(createRng(seed, 'catalog'), office.id, nowMs);
  const catalog = indexCatalog(products, priceLists);

  // Leads; the qualified ones get the account, contact and opportunity qualifying created.
  const maxQualified = Math.floor(Math.min(size.accounts, size.contacts, size.opportunities) * 0.6);
  const leads = [...generateLeads(seed, size.leads, sellers, { now, maxQualified })];
  const crm = createRng(seed, 'crm');
  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  const opportunities: Opportunity[] = [];
  for (const lead of leads) {
    if (lead.state !== 'qualified') continue;
    const account = accountFromLead(crm, lead, nowMs);
    const contact = contactFromLead(lead, account);
    accounts.push(account);
    contacts.push(contact);
    opportunities.push(
      generateOpportunity(
        crm,
        { ownerId: lead.ownerId, account, contact, lead, createdMs: Date.parse(account.createdAt) },
        catalog,
        nowMs,
      ),
    );
  }
  for (let i = accounts.length; i < size.accounts; i++) {
    accounts.push(generateAccount(crm, sellers[i % sellers.length] as string, nowMs));
  }
  const contactsOf = new Map<string, Contact[]>();
  const addContact = (c: Contact) => {
    contacts.push(c);
    if (c.accountId !== null)
      contactsOf.set(c.accountId, [...(contactsOf.get(c.accountId) ?? []), c]);
  };
  contacts.splice(0).forEach(addContact);
  for (let i = contacts.length; i < size.contacts && accounts.length > 0; i++) {
    addContact(generateContact(crm, crm.pick(accounts), nowMs));
  }
  for (let i = opportunities.length; i < size.opportunities && accounts.length > 0; i++) {
    const account = crm.pick(accounts);
    opportunities.push(
      opportunityOnAccount(crm, account, contactsOf.get(account.id) ?? [], catalog, nowMs),
    );
  }

  // Quotes: chains on opportunities that reached Propose (or any, if none did).
  const docs = createRng(seed, 'documents');
  const proposed = opportunities.filter((o) => o.stage === 'propose' || o.stage === 'close');
  const eligible = proposed.length > 0 ? proposed : opportunities;
  const chainLengths: number[] = [];
  let remaining = eligible.length > 0 ? size.quotes : 0;
  for (let i = 0; i < eligible.length && remaining > 0; i++) {
    const length = Math.min(remaining, docs.chance(0.25) ? docs.int(2, 3) : 1);
    chainLengths.push(length);
    remaining -= length;
  }
  for (let i = 0; remaining > 0; i = (i + 1) % chainLengths.length, remaining--) {
    chainLengths[i] = (chainLengths[i] ?? 0) + 1;
  }
  const chains = chainLengths.map((length, i) =>
    generateQuoteChain(docs, eligible[i] as Opportunity, length, catalog, nowMs),
  );

  // Orders from won quotes, then booked directly; invoices from invoiced orders, then direct.
  const orders: Order[] = [];
  for (const chain of chains) {
    const last = chain[chain.length - 1];
    if (orders.length >= size.orders) break;
    if (last?.state === 'won')
      orders.push(generateOrder(docs, { kind: 'quote', quote: last }, nowMs));
  }
  while (orders.length < size.orders && accounts.length > 0) {
    orders.push(
      generateOrder(docs, { kind: 'direct', account: docs.pick(accounts), catalog }, nowMs),
    );
  }
  const invoices: Invoice[] = [];
  for (const order of orders) {
    if (invoices.length >= size.invoices) break;
    if (order.state === 'invoiced')
      invoices.push(generateInvoice(docs, { kind: 'order', order }, nowMs));
  }
  while (invoices.length < size.invoices && accounts.length > 0) {
    invoices.push(
      generateInvoice(docs, { kind: 'direct', account: docs.pick(accounts), catalog }, nowMs),
    );
  }

  // Numbers in creation order per seller series, with the real numbering rules.
  const numbering = new Map<string, NumberingState>(
    [...people.series.entries()].map(([userId, series]) => [userId, initialNumbering(series)]),
  );
  const take = (ownerId: string, kind: 'quote' | 'order' | 'invoice', at: string): string => {
    const next = nextNumber(numbering.get(ownerId) as NumberingState, kind, at);
    numbering.set(ownerId, next.state);
    return next.number;
  };
  // Opportunities carry no number (the lifecycle rules leave it empty): found by topic.
  const sortedOpportunities = opportunities.sort(byCreation);
  // Revisions keep the number of the quote they revise (as in Dynamics 365).
  const quotes = chains
    .sort((a, b) => byCreation(a[0] as Quote, b[0] as Quote))
    .flatMap((chain) => {
      const first = chain[0] as Quote;
      const number = take(first.ownerId, 'quote', first.createdAt);
      return chain.map((q) => ({ ...q, number }));
    });
  const numberedOrders = orders
    .sort(byCreation)
    .map((o) => ({ ...o, number: take(o.ownerId, 'order', o.createdAt) }));
  const numberedInvoices = invoices
    .sort((a, b) =>
      a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : byCreation(a, b),
    )
    .map((inv) => ({ ...inv, number: take(inv.ownerId, 'invoice', inv.issueDate) }));

  const regardables: Regardable[][] = [
    leads.map((r) => ({
      type: 'lead',
      id: r.id,
      ownerId: r.ownerId,
      createdAt: r.createdAt,
      state: r.state,
    })),
    accounts.map((r) => ({
      type: 'account',
      id: r.id,
      ownerId: r.ownerId,
      createdAt: r.createdAt,
      state: 'active',
    })),
    contacts.map((r) => ({
      type: 'contact',
      id: r.id,
      ownerId: r.ownerId,
      createdAt: r.createdAt,
      state: 'active',
    })),
    sortedOpportunities.map((r) => ({
      type: 'opportunity',
      id: r.id,
      ownerId: r.ownerId,
      createdAt: r.createdAt,
      state: r.state,
    })),
    quotes.map((r) => ({
      type: 'quote',
      id: r.id,
      ownerId: r.ownerId,
      createdAt: r.createdAt,
      state: r.state,
    })),
    numberedOrders.map((r) => ({
      type: 'order',
      id: r.id,
      ownerId: r.ownerId,
      createdAt: r.createdAt,
      state: r.state,
    })),
    numberedInvoices.map((r) => ({
      type: 'invoice',
      id: r.id,
      ownerId: r.ownerId,
      createdAt: r.createdAt,
      state: r.state,
    })),
  ];
  const weights = [35, 12, 8, 20, 12, 7, 6];
  const pools = regardables
    .map((pool, i) => [pool, weights[i] ?? 1] as const)
    .filter(([pool]) => pool.length > 0);
  const act = createRng(seed, 'activities');
  const activities: Activity[] = [];
  for (let i = 0; i < size.activities && pools.length > 0; i++) {
    activities.push(generateActivity(act, act.pick(act.weighted(pools)), nowMs));
  }

  return {
    teams: people.teams,
    users: people.users,
    products,
    priceLists,
    refdata: generateRefdata(createRng(seed, 'refdata'), people.users, numbering, nowMs),
    leads,
    accounts,
    contacts,
    opportunities: sortedOpportunities,
    quotes,
    orders: numberedOrders,
    invoices: numberedInvoices,
    activities: activities.sort(byCreation),
  };
};
