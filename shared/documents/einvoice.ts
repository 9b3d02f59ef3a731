// The plain input of the e-invoice builders (FatturaPA and UBL): seller, buyer and one
// invoice or credit note with its lines, document allowances and charges and VAT summary,
// all in minor units as the domain computes them. `eInvoiceOf` fills it from the records.
import type { Company } from '../domain/company';
import type { Result } from '../domain/errors';
import { fail, ok } from '../domain/errors';
import { apportion, currencyMinorDigits } from '../domain/money';
import type { Account, Address, Invoice, Refdata } from '../domain/records';

/** FatturaPA Natura codes of operations without VAT (N1 … N7). */
export const naturaCodes = [
  'N1',
  'N2.1',
  'N2.2',
  'N3.1',
  'N3.2',
  'N3.3',
  'N3.4',
  'N3.5',
  'N3.6',
  'N4',
  'N5',
  'N6.1',
  'N6.2',
  'N6.3',
  'N6.4',
  'N6.5',
  'N6.6',
  'N6.7',
  'N6.8',
  'N6.9',
  'N7',
] as const;
export type Natura = (typeof naturaCodes)[number];

/** How a zero rate is declared: its Natura and the law that allows it. */
export type ZeroRateReason = { natura: Natura; legalReference: string };

export type EInvoiceAddress = {
  street: string;
  postalCode: string;
  city: string;
  /** Two-letter province for Italian addresses, else free text or empty. */
  province: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
};

export type EInvoiceBuyer = {
  name: string;
  /** With its country prefix (DE123456789), or empty. */
  vatNumber: string;
  taxCode: string;
  address: EInvoiceAddress;
  shippingAddress: EInvoiceAddress | null;
  email: string;
  phone: string;
  /** SDI recipient code (7 characters) or empty. */
  sdiCode: string;
  pec: string;
};

export type EInvoiceLine = {
  sku: string;
  name: string;
  description: string;
  unit: string;
  quantity: number;
  /** Minor units per unit. */
  unitPrice: number;
  /** Line discount, minor units. */
  discount: number;
  /** round-half-up(unitPrice × quantity) − discount. */
  amount: number;
  vatRate: number;
};

/** A document-level discount or charge on one VAT rate (header discount share, freight). */
export type EInvoiceAdjustment = { rate: number; amount: number };

export type EInvoiceVat = {
  rate: number;
  base: number;
  tax: number;
  /** Set for a zero rate. */
  zero: ZeroRateReason | null;
};

export type EInvoiceDocument = {
  kind: 'invoice' | 'creditNote';
  number: string;
  issueDate: string;
  dueDate: string | null;
  currency: string;
  /** A short description of the document (its name), may be empty. */
  note: string;
  buyerReference: string;
  lines: EInvoiceLine[];
  /** The header discount apportioned per rate as the totals apportion it. */
  allowances: EInvoiceAdjustment[];
  /** Freight on its own rate. */
  charges: EInvoiceAdjustment[];
  vat: EInvoiceVat[];
  linesTotal: number;
  taxableTotal: number;
  vatTotal: number;
  grandTotal: number;
  /** VAT due immediately (I), deferred (D) or split payment (S). */
  vatExigibility: 'I' | 'D' | 'S';
  /** The customer's document language (free texts of the UBL document). */
  language: 'it' | 'en';
  /** The corrected invoice of a credit note. */
  corrects: { number: string; issueDate: string } | null;
};

export type EInvoice = { seller: Company; buyer: EInvoiceBuyer; document: EInvoiceDocument };

// ---- from the records ----------------------------------------------------------------

/** Fields a credit note adds to an invoice record; read when present. */
type InvoiceLike = Invoice & {
  documentType?: 'invoice' | 'creditNote';
  correctedInvoiceNumber?: string | null;
  correctedInvoiceDate?: string | null;
};
type AccountLike = Account & {
  shippingAddress?: Address | null;
  documentLanguage?: 'it' | 'en';
};

const EU = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);
export const isEuCountry = (country: string): boolean => EU.has(country.toUpperCase());

const defaultReasons: Readonly<Record<'domestic' | 'eu' | 'export', ZeroRateReason>> = {
  domestic: { natura: 'N4', legalReference: 'Operazione esente (art. 10 DPR 633/72)' },
  eu: { natura: 'N3.2', legalReference: 'Cessione intracomunitaria (art. 41 DL 331/93)' },
  export: { natura: 'N3.1', legalReference: 'Non imponibile - esportazione (art. 8 DPR 633/72)' },
};

/**
 * Why a zero rate carries no VAT: the office's `vat_rate` reference data says so with
 * `data.natura` (and `data.legalReference`, else its Italian label); otherwise it follows the
 * buyer: an export outside the EU (N3.1), an intra-EU supply (N3.2), else exempt (N4).
 */
export const zeroRateReason = (
  rate: number,
  vatRates: readonly Refdata[],
  buyerCountry: string,
): ZeroRateReason => {
  const record = vatRates.find((r) => r.kind === 'vat_rate' && r.key === String(rate));
  const natura = naturaCodes.find((n) => n === record?.data['natura']);
  if (natura) {
    const label = record?.data['label'] as { it?: unknown } | undefined;
    const reference = record?.data['legalReference'] ?? label?.it;
    return { natura, legalReference: typeof reference === 'string' ? reference : '' };
  }
  const country = buyerCountry.toUpperCase() || 'IT';
  return defaultReasons[country === 'IT' ? 'domestic' : isEuCountry(country) ? 'eu' : 'export'];
};

const addressOf = (a: Address): EInvoiceAddress => ({
  street: a.street ?? '',
  postalCode: a.postalCode ?? '',
  city: a.city ?? '',
  province: a.province ?? '',
  country: (a.country ?? 'IT').toUpperCase() || 'IT',
});

// A credit note stored with negative figures is written with positive ones, as both
// standards want (the document type says it is a credit).
const positive = (doc: EInvoiceDocument): EInvoiceDocument => {
  if (doc.kind !== 'creditNote' || doc.grandTotal >= 0) return doc;
  const neg = (n: number) => -n;
  return {
    ...doc,
    lines: doc.lines.map((l) => ({
      ...l,
      quantity: -l.quantity,
      discount: neg(l.discount),
      amount: neg(l.amount),
    })),
    allowances: doc.allowances.map((a) => ({ ...a, amount: neg(a.amount) })),
    charges: doc.charges.map((c) => ({ ...c, amount: neg(c.amount) })),
    vat: doc.vat.map((v) => ({ ...v, base: neg(v.base), tax: neg(v.tax) })),
    linesTotal: neg(doc.linesTotal),
    taxableTotal: neg(doc.taxableTotal),
    vatTotal: neg(doc.vatTotal),
    grandTotal: neg(doc.grandTotal),
  };
};

export type EInvoiceRecords = {
  invoice: Invoice;
  account: Account;
  company: Company;
  /** The office's `vat_rate` reference data (for the Natura of zero rates). */
  vatRates: readonly Refdata[];
  vatExigibility?: 'I' | 'D' | 'S';
};

/** The e-invoice input of an invoice or credit note, its customer and the office. */
export const eInvoiceOf = (records: EInvoiceRecords): Result<EInvoice> => {
  const invoice = records.invoice as InvoiceLike;
  const account = records.account as AccountLike;
  if (currencyMinorDigits(invoice.currency) > 2)
    return fail(
      'einvoice.currency_unsupported',
      `E-invoices in ${invoice.currency} are not supported: amounts have more than two decimals.`,
      `Le fatture elettroniche in ${invoice.currency} non sono supportate: gli importi hanno più di due decimali.`,
      'currency',
    );
  const kind = invoice.documentType ?? 'invoice';
  const buyer: EInvoiceBuyer = {
    name: account.name,
    vatNumber: account.vatNumber.replace(/\s+/g, '').toUpperCase(),
    taxCode: account.taxCode.replace(/\s+/g, '').toUpperCase(),
    address: addressOf(account.address),
    shippingAddress:
      account.shippingAddress && account.shippingAddress.city
        ? addressOf(account.shippingAddress)
        : null,
    email: account.email,
    phone: account.phone,
    sdiCode: account.sdiCode.toUpperCase(),
    pec: account.pec,
  };
  const { totals } = invoice;
  // The header discount is shared across rates exactly as computeTotals shares it.
  const lineBases = new Map<number, number>();
  for (const l of invoice.lines)
    lineBases.set(l.vatRate, (lineBases.get(l.vatRate) ?? 0) + l.amount);
  const rates = [...lineBases.keys()].sort((a, b) => a - b);
  const shares = apportion(
    totals.discountTotal,
    rates.map((r) => lineBases.get(r) ?? 0),
  );
  const allowances = rates
    .map((rate, i) => ({ rate, amount: shares[i] ?? 0 }))
    .filter((a) => a.amount !== 0);
  const charges =
    invoice.freight !== 0 ? [{ rate: invoice.freightVatRate, amount: invoice.freight }] : [];
  const corrects =
    kind === 'creditNote' && invoice.correctedInvoiceNumber && invoice.correctedInvoiceDate
      ? { number: invoice.correctedInvoiceNumber, issueDate: invoice.correctedInvoiceDate }
      : null;
  const document: EInvoiceDocument = {
    kind,
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate || null,
    currency: invoice.currency,
    note: invoice.name,
    // The customer's PO number: FatturaPA DatiOrdineAcquisto, UBL BuyerReference.
    buyerReference: invoice.customerReference,
    lines: invoice.lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      description: l.description,
      unit: l.unit,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      amount: l.amount,
      vatRate: l.vatRate,
    })),
    allowances,
    charges,
    vat: totals.vat.map((v) => ({
      ...v,
      zero: v.rate === 0 ? zeroRateReason(0, records.vatRates, buyer.address.country) : null,
    })),
    linesTotal: totals.linesTotal,
    taxableTotal: totals.taxableTotal,
    vatTotal: totals.vatTotal,
    grandTotal: totals.grandTotal,
    vatExigibility: records.vatExigibility ?? 'I',
    language: account.documentLanguage ?? (buyer.address.country === 'IT' ? 'it' : 'en'),
    corrects,
  };
  return ok({ seller: records.company, buyer, document: positive(document) });
};

// ---- the check both builders make --------------------------------------------------

/** Σ lines − allowances + charges per rate must be the VAT summary's base (BR-S-08, SdI 00422). */
export const checkConsistency = (doc: EInvoiceDocument): Result<void> => {
  const bases = new Map<number, number>();
  const add = (rate: number, amount: number) => bases.set(rate, (bases.get(rate) ?? 0) + amount);
  for (const l of doc.lines) add(l.vatRate, l.amount);
  for (const a of doc.allowances) add(a.rate, -a.amount);
  for (const c of doc.charges) add(c.rate, c.amount);
  const summary = new Map(doc.vat.map((v) => [v.rate, v.base]));
  const mismatch = [...new Set([...bases.keys(), ...summary.keys()])].find(
    (rate) => (bases.get(rate) ?? 0) !== (summary.get(rate) ?? 0),
  );
  if (mismatch !== undefined)
    return fail(
      'einvoice.totals_inconsistent',
      `The lines at ${mismatch / 100}% VAT do not add up to the document's VAT summary.`,
      `Le righe con IVA al ${mismatch / 100}% non corrispondono al riepilogo IVA del documento.`,
      'totals',
    );
  if (doc.lines.length === 0)
    return fail(
      'einvoice.no_lines',
      'A document without lines cannot be sent.',
      'Un documento senza righe non può essere inviato.',
      'lines',
    );
  return ok(undefined);
};
