// What a printed quote, order confirmation or invoice says, as plain data: the document's
// figures, the seller's letterhead and the customer's block. Built from the records here, laid
// out by layout.ts and drawn by the renderer's PDF writer; nothing here reads a store.
import type { Company } from '../../domain/company';
import type { Locale, LocalizedText } from '../../domain/errors';
import type {
  Account,
  Address,
  HeaderDiscount,
  Invoice,
  Line,
  Order,
  Quote,
  Totals,
} from '../../domain/records';
import { printMoney } from './wording';

/** A credit note (FatturaPA TD04) prints as its own kind, naming the invoice it corrects. */
export type PrintKind = 'quote' | 'order' | 'invoice' | 'creditNote';

/** The office's legal identity as the letterhead prints it. */
export type Letterhead = {
  name: string;
  address: Address;
  vatNumber: string;
  taxCode: string;
  /** Registro delle imprese (REA) entry, e.g. "MI-1234567". */
  rea: string;
  shareCapital: string;
  taxRegime: string;
  phone: string;
  email: string;
  pec: string;
  website: string;
  iban: string;
  bankName: string;
  defaultPaymentTerms: string;
  footer: LocalizedText | null;
  /** A PNG or JPEG logo as a data: URL, or null. */
  logo: string | null;
};

export type PrintParty = {
  name: string;
  address: Address;
  vatNumber: string;
  taxCode: string;
  sdiCode: string;
  pec: string;
};

export type PrintableDocument = {
  kind: PrintKind;
  language: Locale;
  number: string;
  /** Quote revision, shown after the number. */
  revision: number | null;
  /** Issue date of an invoice; creation day of a quote or order. */
  date: string;
  seller: Letterhead;
  buyer: PrintParty | null;
  currency: string;
  lines: readonly Line[];
  headerDiscount: HeaderDiscount | null;
  freightVatRate: number;
  /** The stored totals (computeTotals of shared/domain/money.ts), printed as they are. */
  totals: Totals;
  validFrom: string | null;
  validTo: string | null;
  dueDate: string | null;
  paymentTerms: string;
  deliveryTerms: string;
  customerReference: string;
  requestedDeliveryDate: string | null;
  /** The order an invoice bills, or the quote an order confirms. */
  sourceNumber: string;
};

export const emptyLetterhead: Letterhead = {
  name: '',
  address: {},
  vatNumber: '',
  taxCode: '',
  rea: '',
  shareCapital: '',
  taxRegime: '',
  phone: '',
  email: '',
  pec: '',
  website: '',
  iban: '',
  bankName: '',
  defaultPaymentTerms: '',
  footer: null,
  logo: null,
};

const logoOf = (value: string): string | null =>
  /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$/.test(value) ? value : null;

/**
 * The letterhead from the office's legal identity (reference data kind `company`), in the
 * customer's language; empty until the office sets it (documents still print). The REA
 * mentions follow art. 2250 of the Civil Code: office and number, share capital, sole
 * shareholder, liquidation.
 */
export const letterheadOfCompany = (company: Company | null, language: Locale): Letterhead => {
  if (company === null) return emptyLetterhead;
  const it = language === 'it';
  const rea = company.rea;
  const capital =
    rea?.shareCapital != null
      ? `${printMoney(rea.shareCapital, 'EUR', language)}${it ? ' i.v.' : ' fully paid'}`
      : '';
  const status = [
    rea?.soleShareholder === 'SU' ? (it ? 'socio unico' : 'sole shareholder') : '',
    rea?.liquidation === 'LS' ? (it ? 'in liquidazione' : 'in liquidation') : '',
  ].filter(Boolean);
  const a = company.address;
  return {
    name: company.name,
    address: {
      street: [a.street, a.streetNumber].filter(Boolean).join(' '),
      city: a.city,
      postalCode: a.postalCode,
      province: a.province,
      country: a.country,
    },
    vatNumber: company.vatNumber,
    taxCode: company.taxCode,
    rea: rea === null ? '' : [rea.office, rea.number].filter(Boolean).join('-'),
    shareCapital: [capital, ...status].filter(Boolean).join(' · '),
    taxRegime: company.taxRegime,
    phone: company.phone,
    email: company.email,
    pec: company.pec,
    website: '',
    iban: company.iban,
    bankName: company.bank,
    defaultPaymentTerms: company.paymentTerms[language],
    footer: company.footer,
    logo: logoOf(company.logo),
  };
};

/** The customer's block from the account (null when the document has none). */
export const partyOfAccount = (account: Account | null): PrintParty | null =>
  account === null
    ? null
    : {
        name: account.name,
        address: billingAddressOf(account),
        vatNumber: account.vatNumber,
        taxCode: account.taxCode,
        sdiCode: account.sdiCode,
        pec: account.pec,
      };

/** The bill-to address: the account's billing address when it has one, else its address. */
export const billingAddressOf = (account: Account): Address => {
  const billing = (account as Account & { billingAddress?: Address }).billingAddress;
  return billing !== undefined && Object.values(billing).some((v) => (v ?? '') !== '')
    ? billing
    : account.address;
};

/**
 * The language a customer's documents are printed in, independent of the UI language: the
 * account's preference, else Italian for Italian customers (and those with no country, the
 * office's own market) and English for foreign ones.
 */
export const documentLanguageOf = (account: Account | null): Locale => {
  const preferred = (account as (Account & { documentLanguage?: unknown }) | null)
    ?.documentLanguage;
  if (preferred === 'it' || preferred === 'en') return preferred;
  const country = (account?.address.country ?? '').trim().toUpperCase();
  return country === '' || country === 'IT' ? 'it' : 'en';
};

type Parties = { seller: Letterhead; account: Account | null; language?: Locale };

const common = (p: Parties) => ({
  language: p.language ?? documentLanguageOf(p.account),
  seller: p.seller,
  buyer: partyOfAccount(p.account),
});

const day = (instant: string): string => instant.slice(0, 10);

export const printableQuote = (quote: Quote, p: Parties): PrintableDocument => ({
  ...common(p),
  kind: 'quote',
  number: quote.number,
  revision: quote.revisionNumber,
  date: day(quote.createdAt),
  currency: quote.currency,
  lines: quote.lines,
  headerDiscount: quote.headerDiscount,
  freightVatRate: quote.freightVatRate,
  totals: quote.totals,
  validFrom: quote.validFrom,
  validTo: quote.validTo,
  dueDate: null,
  paymentTerms: quote.paymentTerms || p.seller.defaultPaymentTerms,
  deliveryTerms: quote.deliveryTerms,
  customerReference: '',
  requestedDeliveryDate: null,
  sourceNumber: '',
});

/** Terms carried from the quote an order or invoice came from. */
export type SourceTerms = { paymentTerms: string; deliveryTerms: string; sourceNumber: string };

export const printableOrder = (
  order: Order,
  p: Parties & { terms: SourceTerms },
): PrintableDocument => ({
  ...common(p),
  kind: 'order',
  number: order.number,
  revision: null,
  date: day(order.createdAt),
  currency: order.currency,
  lines: order.lines,
  headerDiscount: order.headerDiscount,
  freightVatRate: order.freightVatRate,
  totals: order.totals,
  validFrom: null,
  validTo: null,
  dueDate: null,
  paymentTerms: p.terms.paymentTerms || p.seller.defaultPaymentTerms,
  deliveryTerms: p.terms.deliveryTerms,
  customerReference: order.customerReference,
  requestedDeliveryDate: order.requestedDeliveryDate,
  sourceNumber: p.terms.sourceNumber,
});

export const printableInvoice = (
  invoice: Invoice,
  p: Parties & { terms: SourceTerms },
): PrintableDocument => ({
  ...common(p),
  kind: invoice.documentType === 'creditNote' ? 'creditNote' : 'invoice',
  number: invoice.number,
  revision: null,
  date: invoice.issueDate,
  currency: invoice.currency,
  lines: invoice.lines,
  headerDiscount: invoice.headerDiscount,
  freightVatRate: invoice.freightVatRate,
  totals: invoice.totals,
  validFrom: null,
  validTo: null,
  // A credit note asks for no payment.
  dueDate: invoice.documentType === 'creditNote' ? null : invoice.dueDate,
  paymentTerms:
    invoice.documentType === 'creditNote'
      ? ''
      : p.terms.paymentTerms || p.seller.defaultPaymentTerms,
  deliveryTerms: '',
  customerReference: invoice.customerReference,
  requestedDeliveryDate: null,
  sourceNumber:
    invoice.documentType === 'creditNote'
      ? (invoice.correctedInvoiceNumber ?? '')
      : p.terms.sourceNumber,
});

/** The file name a saved document gets: its kind and number, safe on every file system. */
export const printFileName = (doc: Pick<PrintableDocument, 'kind' | 'number' | 'language'>) => {
  const words: Record<PrintKind, LocalizedText> = {
    quote: { en: 'Quote', it: 'Offerta' },
    order: { en: 'Order', it: 'Ordine' },
    invoice: { en: 'Invoice', it: 'Fattura' },
    creditNote: { en: 'Credit-note', it: 'Nota-di-credito' },
  };
  const number = doc.number.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${words[doc.kind][doc.language]}-${number || 'draft'}.pdf`;
};
