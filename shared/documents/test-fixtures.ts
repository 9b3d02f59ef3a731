// Builders for the e-invoice tests: an Italian customer, lines with the domain's amounts,
// an invoice with the domain's totals, and the e-invoice input of the demo office.
import { demoCompany } from '../dataset/office';
import { computeTotals, lineAmount } from '../domain/money';
import type { Account, Invoice, Line, Refdata } from '../domain/records';
import type { EInvoice } from './einvoice';
import { eInvoiceOf } from './einvoice';
import { buildFatturaPa } from './fatturapa';

export const audit = {
  ownerId: 'u',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  updatedBy: 'u',
};

export const account = (patch: Partial<Account> = {}): Account => ({
  ...audit,
  id: 'acc',
  name: 'Rossi & Figli <Impianti> S.r.l.',
  vatNumber: 'IT00743110157',
  taxCode: '00743110157',
  address: {
    street: 'Via Roma 1',
    city: 'Torino',
    postalCode: '10121',
    province: 'TO',
    country: 'IT',
  },
  email: 'info@rossi.example',
  phone: '',
  website: '',
  industry: '',
  shippingAddress: {},
  sdiCode: 'KRRH6B9',
  pec: '',
  documentLanguage: 'it',
  originatingLeadId: null,
  searchTerms: [],
  ...patch,
});

export const line = (
  id: string,
  unitPrice: number,
  quantity: number,
  vatRate: number,
  discount = 0,
): Line => ({
  id,
  productId: null,
  sku: `SKU-${id}`,
  name: `Articolo ${id}`,
  description: '',
  unit: 'pz',
  quantity,
  unitPrice,
  discount,
  vatRate,
  amount: lineAmount(unitPrice, quantity, discount),
});

export const invoice = (lines: Line[], patch: Partial<Invoice> = {}): Invoice => {
  const headerDiscount = patch.headerDiscount ?? null;
  const freight = patch.freight ?? 0;
  const freightVatRate = patch.freightVatRate ?? 2200;
  return {
    ...audit,
    id: 'inv',
    number: 'INV/2026/AR01/00007',
    name: 'Fattura – impianto',
    orderId: null,
    opportunityId: null,
    accountId: 'acc',
    currency: 'EUR',
    priceListId: null,
    lines,
    headerDiscount,
    freight,
    freightVatRate,
    totals: computeTotals({ lines, headerDiscount, freight, freightVatRate }),
    issueDate: '2026-03-10',
    dueDate: '2026-04-09',
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
    ...patch,
  };
};

export const input = (inv: Invoice, acc = account(), vatRates: Refdata[] = []): EInvoice => {
  const result = eInvoiceOf({ invoice: inv, account: acc, company: demoCompany, vatRates });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
};
export const fatturaPa = (e: EInvoice): string => {
  const result = buildFatturaPa(e);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value.xml;
};
