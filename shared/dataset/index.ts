// The one deterministic dataset generator of DESIGN.md §7: the demo, the office and the
// heavy device all come from here. Pure: seeded PRNG, time derived from `now`.
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
import { generateActivities, regardable } from './activities';
import { generateCatalog } from './catalog';
import { DEFAULT_NOW, parseNow } from './common';
import { generateCrm } from './crm';
import { generateLeads } from './leads';
import { indexCatalog } from './lines';
import type { DatasetTeam, DatasetUser } from './people';
import { generatePeople, generateRefdata } from './people';
import { createRng } from './prng';
import { byCreation, generateSales, numberSales } from './sales';

export { generateActivities, regardable } from './activities';
export type { Regardable } from './activities';
export { generateLeadChunks, generateLeads } from './leads';
export type { LeadStreamOptions } from './leads';
export { EMAIL_DOMAIN, demoExchangeRates } from './people';
export { demoCompany } from './office';
export { generateEInvoiceSamples } from './einvoices';
export type { EInvoiceSamples } from './einvoices';
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
  const crm = generateCrm(createRng(seed, 'crm'), leads, sellers, size, catalog, nowMs);
  const opportunities = crm.opportunities.sort(byCreation);
  const sales = numberSales(
    people.series,
    generateSales(createRng(seed, 'documents'), opportunities, crm.accounts, size, catalog, nowMs),
  );
  const regarding = [
    ...leads.map((r) => regardable('lead', r)),
    ...crm.accounts.map((r) => regardable('account', r)),
    ...crm.contacts.map((r) => regardable('contact', r)),
    ...opportunities.map((r) => regardable('opportunity', r)),
    ...sales.quotes.map((r) => regardable('quote', r)),
    ...sales.orders.map((r) => regardable('order', r)),
    ...sales.invoices.map((r) => regardable('invoice', r)),
  ];
  const activities = [...generateActivities(seed, size.activities, regarding, nowMs)];

  return {
    teams: people.teams,
    users: people.users,
    products,
    priceLists,
    refdata: generateRefdata(createRng(seed, 'refdata'), people.users, sales.numbering, nowMs),
    leads,
    accounts: crm.accounts,
    contacts: crm.contacts,
    opportunities,
    quotes: sales.quotes,
    orders: sales.orders,
    invoices: sales.invoices,
    activities: activities.sort(byCreation),
  };
};
