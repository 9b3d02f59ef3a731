// A small team, hand-sized so every figure of dashboard.test.ts can be worked out on paper:
// sellers A and B, amounts in EUR, USD (1.25 per EUR), GBP (0.80 per EUR) and CHF (no rate).
import type { ExchangeRates } from '../domain/exchange';
import type { Activity, Invoice, Lead, Opportunity } from '../domain/records';

export const rates: ExchangeRates = { base: 'EUR', rates: { USD: 1.25, GBP: 0.8 } };
export const today = '2026-12-01';

const audit = (id: string, ownerId: string) => ({
  id,
  ownerId,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  updatedBy: ownerId,
});

const opportunity = (id: string, ownerId: string, patch: Partial<Opportunity>): Opportunity => ({
  ...audit(id, ownerId),
  number: '',
  topic: id,
  accountId: null,
  contactId: null,
  originatingLeadId: null,
  currency: 'EUR',
  priceListId: null,
  lines: [],
  revenueMode: 'user',
  estimatedRevenue: 0,
  estimatedCloseDate: null,
  probability: 10,
  rating: 'warm',
  stage: 'qualify',
  state: 'open',
  status: 'in_progress',
  actualRevenue: null,
  actualCloseDate: null,
  competitor: '',
  closeDescription: '',
  searchTerms: [],
  forecastCategory: null,
  ...patch,
});

const won = { state: 'won', status: 'won', stage: 'close', probability: 100 } as const;

export const opportunities: Opportunity[] = [
  opportunity('o1', 'A', {
    estimatedRevenue: 1_000_000,
    probability: 20,
    estimatedCloseDate: '2026-12-15',
  }),
  opportunity('o2', 'A', {
    currency: 'USD',
    estimatedRevenue: 50_000,
    stage: 'propose',
    probability: 60,
    estimatedCloseDate: '2026-12-20',
  }),
  opportunity('o3', 'B', {
    currency: 'GBP',
    estimatedRevenue: 100_000,
    stage: 'close',
    probability: 90,
    estimatedCloseDate: '2027-01-10',
  }),
  opportunity('o4', 'B', {
    estimatedRevenue: 200_000,
    stage: 'develop',
    probability: 40,
    estimatedCloseDate: '2026-12-05',
    forecastCategory: 'commit',
  }),
  opportunity('o5', 'A', {
    estimatedRevenue: 300_000,
    stage: 'develop',
    probability: 30,
    status: 'on_hold',
    estimatedCloseDate: '2027-01-20',
  }),
  opportunity('o6', 'A', {
    ...won,
    currency: 'USD',
    estimatedRevenue: 100_000,
    actualRevenue: 120_000,
    actualCloseDate: '2026-11-10',
  }),
  opportunity('o7', 'B', {
    state: 'lost',
    status: 'out_sold',
    probability: 0,
    estimatedRevenue: 70_000,
    actualCloseDate: '2026-11-25',
    originatingLeadId: 'l4',
  }),
  opportunity('o8', 'B', {
    ...won,
    estimatedRevenue: 40_000,
    actualRevenue: 50_000,
    actualCloseDate: '2026-10-03',
    forecastCategory: 'omitted',
  }),
  opportunity('o9', 'A', {
    currency: 'CHF',
    estimatedRevenue: 10_000,
    estimatedCloseDate: '2026-12-01',
  }),
  opportunity('o10', 'B', { estimatedRevenue: 100_000 }),
];

const lead = (id: string, patch: Partial<Lead> & { tradeFairId?: string }): Lead =>
  ({
    ...audit(id, 'A'),
    source: 'trade_fair',
    sourceDetail: '',
    state: 'open',
    status: 'new',
    qualifiedOpportunityId: null,
    ...patch,
  }) as Lead;

export const leads: Lead[] = [
  lead('l1', {
    sourceDetail: 'Fiera Milano 2026',
    state: 'qualified',
    qualifiedOpportunityId: 'o6',
  }),
  lead('l2', { sourceDetail: ' fiera milano  2026' }),
  lead('l3', { sourceDetail: 'EIMA', state: 'qualified', qualifiedOpportunityId: 'o1' }),
  lead('l4', { source: 'web', state: 'qualified' }),
  lead('l5', { source: 'web', state: 'disqualified', status: 'lost' }),
  lead('l6', { source: 'email', sourceDetail: 'Host', tradeFairId: 'fair-1' }),
  lead('l7', { source: 'referral', state: 'qualified', qualifiedOpportunityId: 'not-on-device' }),
];

const activity = (id: string, ownerId: string, patch: Partial<Activity>): Activity => ({
  ...audit(id, ownerId),
  type: 'note',
  regardingType: 'lead',
  regardingId: 'l1',
  subject: id,
  body: '',
  event: null,
  data: null,
  due: null,
  completedAt: null,
  state: 'completed',
  occurredAt: '2026-11-15T09:00:00.000Z',
  ...patch,
});

export const activities: Activity[] = [
  activity('a1', 'A', {}),
  activity('a2', 'A', { type: 'phone_call' }),
  activity('a3', 'A', { type: 'task', state: 'open', due: '2026-11-20T00:00:00.000Z' }),
  activity('a4', 'B', { type: 'email' }),
  activity('a5', 'B', { type: 'system', event: 'opportunity.won' }),
  activity('a6', 'B', { type: 'appointment', due: '2026-11-02T10:00:00.000Z' }),
  activity('a7', 'A', { occurredAt: '2026-01-01T09:00:00.000Z' }),
];

const invoice = (id: string, ownerId: string, patch: Partial<Invoice>): Invoice => ({
  ...audit(id, ownerId),
  number: `INV/2026/AB/${id}`,
  name: '',
  orderId: null,
  opportunityId: null,
  accountId: 'acc-1',
  currency: 'EUR',
  priceListId: null,
  lines: [],
  headerDiscount: null,
  freight: 0,
  freightVatRate: 2200,
  totals: {
    linesTotal: 0,
    discountTotal: 0,
    freight: 0,
    taxableTotal: 0,
    vat: [],
    vatTotal: 0,
    grandTotal: 0,
  },
  issueDate: '2026-10-01',
  dueDate: '2026-11-01',
  paidDate: null,
  state: 'active',
  status: 'billed',
  documentType: 'invoice',
  correctedInvoiceId: null,
  correctedInvoiceNumber: null,
  correctedInvoiceDate: null,
  customerReference: '',
  payments: [],
  credits: [],
  ...patch,
});

const grand = (grandTotal: number) => ({
  totals: {
    linesTotal: grandTotal,
    discountTotal: 0,
    freight: 0,
    taxableTotal: grandTotal,
    vat: [],
    vatTotal: 0,
    grandTotal,
  },
});

export const invoices: Invoice[] = [
  invoice('i1', 'A', {
    ...grand(100_000),
    payments: [{ id: 'p1', date: '2026-11-05', method: 'bank_transfer', amount: 30_000 }],
  }),
  invoice('i2', 'B', { ...grand(50_000), currency: 'USD', dueDate: '2026-11-21' }),
  invoice('i3', 'A', { ...grand(10_000), state: 'paid', status: 'paid' }),
  invoice('i4', 'A', { ...grand(10_000), dueDate: '2026-12-15' }),
  invoice('i5', 'B', {
    ...grand(10_000),
    documentType: 'creditNote',
    state: 'issued',
    status: 'issued',
  }),
  invoice('i6', 'B', { ...grand(20_000), currency: 'CHF', dueDate: '2026-11-30' }),
];
