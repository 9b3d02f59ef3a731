// Valid documents for server tests, built to the record schemas of shared/domain.
import type { Account, Invoice, Lead, Order, Product, Quote } from '../../shared/domain/records';
import type { WireDocument } from '../../shared/sync/protocol';

const at = '2026-03-02T09:30:00.000Z';

const audit = (id: string, ownerId: string) => ({
  id,
  ownerId,
  createdAt: at,
  updatedAt: at,
  updatedBy: ownerId,
});

export const leadDoc = (
  id: string,
  ownerId: string,
  patch: Partial<Lead> = {},
): WireDocument<Lead> => ({
  ...audit(id, ownerId),
  topic: 'Stand visit at the fair',
  firstName: 'Giulia',
  lastName: 'Bianchi',
  company: 'Bianchi Srl',
  jobTitle: 'Buyer',
  email: 'giulia@bianchi.example',
  phone: '',
  mobile: '',
  website: '',
  address: {},
  vatNumber: '',
  source: 'trade_fair',
  sourceDetail: 'Milano fair',
  rating: 'warm',
  budget: null,
  budgetCurrency: 'EUR',
  purchaseTimeframe: 'unknown',
  decisionMaker: null,
  need: '',
  consent: { given: true, at, how: 'badge scan', wording: 'ok' },
  notes: '',
  state: 'open',
  status: 'new',
  searchTerms: ['giulia', 'bianchi'],
  qualifiedAccountId: null,
  qualifiedContactId: null,
  qualifiedOpportunityId: null,
  tradeFairId: null,
  fairAnswers: [],
  ...patch,
  _deleted: false,
});

export const accountDoc = (
  id: string,
  ownerId: string,
  patch: Partial<Account> = {},
): WireDocument<Account> => ({
  ...audit(id, ownerId),
  name: 'Rossi Impianti Spa',
  vatNumber: 'IT01234567897',
  taxCode: '',
  address: { city: 'Torino', country: 'IT' },
  email: 'info@rossi.example',
  phone: '',
  website: '',
  industry: 'Manufacturing',
  sdiCode: '',
  pec: '',
  shippingAddress: {},
  documentLanguage: 'it',
  originatingLeadId: null,
  searchTerms: ['rossi'],
  ...patch,
  _deleted: false,
});

export const productDoc = (
  id: string,
  ownerId: string,
  patch: Partial<Product> = {},
): WireDocument<Product> => ({
  ...audit(id, ownerId),
  sku: 'VALVE-10',
  name: 'Valve 10 mm',
  description: '',
  unit: 'pc',
  family: 'Valves',
  vatRate: 2200,
  active: true,
  searchTerms: ['valve'],
  ...patch,
  _deleted: false,
});

/** A newer version of a document, as a device edit would make it. */
export const edited = <T extends WireDocument>(
  doc: T,
  patch: Partial<T>,
  updatedAt = '2026-03-03T10:00:00.000Z',
): T => ({
  ...doc,
  ...patch,
  updatedAt,
});

export const quoteDoc = (id: string, ownerId: string, number: string): WireDocument<Quote> => ({
  ...audit(id, ownerId),
  number,
  revisionNumber: 0,
  name: 'Valves for the new line',
  opportunityId: null,
  accountId: null,
  contactId: null,
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
  validFrom: null,
  validTo: null,
  paymentTerms: '',
  deliveryTerms: '',
  state: 'draft',
  status: 'in_progress',
  previousQuoteId: null,
  _deleted: false,
});

const zeroTotals = {
  linesTotal: 0,
  discountTotal: 0,
  freight: 0,
  taxableTotal: 0,
  vat: [],
  vatTotal: 0,
  grandTotal: 0,
};

export const orderDoc = (id: string, ownerId: string, number: string): WireDocument<Order> => ({
  ...audit(id, ownerId),
  number,
  name: 'Valves for the new line',
  quoteId: null,
  opportunityId: null,
  accountId: null,
  currency: 'EUR',
  priceListId: null,
  lines: [],
  headerDiscount: null,
  freight: 0,
  freightVatRate: 2200,
  totals: zeroTotals,
  pricesLocked: true,
  requestedDeliveryDate: null,
  fulfilledDate: null,
  customerReference: '',
  state: 'active',
  status: 'new',
  _deleted: false,
});

/** An issued invoice; its issue date is in the year its number carries. */
export const invoiceDoc = (id: string, ownerId: string, number: string): WireDocument<Invoice> => {
  const year = /^INV\/(\d{4})\//.exec(number)?.[1] ?? '2026';
  return {
    ...audit(id, ownerId),
    number,
    name: 'Valves for the new line',
    orderId: null,
    opportunityId: null,
    accountId: null,
    currency: 'EUR',
    priceListId: null,
    lines: [],
    headerDiscount: null,
    freight: 0,
    freightVatRate: 2200,
    totals: zeroTotals,
    issueDate: `${year}-03-02`,
    dueDate: `${year}-04-01`,
    paidDate: null,
    customerReference: '',
    documentType: 'invoice',
    correctedInvoiceId: null,
    correctedInvoiceNumber: null,
    correctedInvoiceDate: null,
    payments: [],
    credits: [],
    state: 'active',
    status: 'billed',
    _deleted: false,
  };
};
