// The words and number formats of printed documents, in the customer's language (Italian or
// English), independent of the UI language the seller uses.
import type { Locale } from '../../domain/errors';
import { currencyMinorDigits } from '../../domain/money';
import type { PrintKind } from './printable';

const intl = (language: Locale): string => (language === 'it' ? 'it-IT' : 'en-GB');

// PDF viewers and text extraction handle plain spaces best: Intl puts (narrow) no-break
// spaces between an amount and its currency.
const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount in minor units with its currency, as printed: "1.234,50 €", "€1,234.50". */
export const printMoney = (minor: number, currency: string, language: Locale): string => {
  const key = `${language}:${currency}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    const digits = currencyMinorDigits(currency);
    format = new Intl.NumberFormat(intl(language), {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return plainSpaces(format.format(minor / 10 ** currencyMinorDigits(currency)));
};

/** An amount in minor units without currency, for table columns: "1.234,50". */
export const printAmount = (minor: number, currency: string, language: Locale): string => {
  const digits = currencyMinorDigits(currency);
  return plainSpaces(
    new Intl.NumberFormat(intl(language), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(minor / 10 ** digits),
  );
};

export const printQuantity = (quantity: number, language: Locale): string =>
  plainSpaces(new Intl.NumberFormat(intl(language), { maximumFractionDigits: 6 }).format(quantity));

/** A VAT rate in basis points: "22%", "5,5%". */
export const printRate = (basisPoints: number, language: Locale): string =>
  `${new Intl.NumberFormat(intl(language), { maximumFractionDigits: 2 }).format(basisPoints / 100)}%`;

/** A calendar day (YYYY-MM-DD): "01/12/2026" in Italian, "1 Dec 2026" in English. */
export const printDate = (day: string | null, language: Locale): string => {
  if (day === null || !/^\d{4}-\d{2}-\d{2}/.test(day)) return '';
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return plainSpaces(
    new Intl.DateTimeFormat(intl(language), {
      timeZone: 'UTC',
      ...(language === 'it'
        ? { day: '2-digit', month: '2-digit', year: 'numeric' }
        : { day: 'numeric', month: 'short', year: 'numeric' }),
    }).format(date),
  );
};

type Words = {
  title: Record<PrintKind, string>;
  number: string;
  revision: string;
  date: string;
  customer: string;
  vatNumber: string;
  taxCode: string;
  sdiCode: string;
  pec: string;
  rea: string;
  shareCapital: string;
  taxRegime: string;
  phone: string;
  customerReference: string;
  requestedDelivery: string;
  validFrom: string;
  validTo: string;
  dueDate: string;
  paymentTerms: string;
  deliveryTerms: string;
  iban: string;
  sourceOf: Record<PrintKind, string>;
  columns: {
    description: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    discount: string;
    vat: string;
    amount: string;
  };
  vatSummary: string;
  rate: string;
  base: string;
  tax: string;
  linesTotal: string;
  headerDiscount: string;
  freight: string;
  taxable: string;
  vatTotal: string;
  grandTotal: string;
  vatAt: (rate: string) => string;
  page: (n: number, of: number) => string;
  continued: string;
  courtesyCopy: string;
  stampDuty: string;
  reverseCharge: string;
  exportNotTaxable: string;
  zeroRated: string;
};

export const documentWords: Readonly<Record<Locale, Words>> = {
  it: {
    title: {
      quote: 'Offerta',
      order: "Conferma d'ordine",
      invoice: 'Fattura',
      creditNote: 'Nota di credito',
    },
    number: 'Numero',
    revision: 'revisione',
    date: 'Data',
    customer: 'Spett.le',
    vatNumber: 'P.IVA',
    taxCode: 'C.F.',
    sdiCode: 'Codice destinatario SDI',
    pec: 'PEC',
    rea: 'REA',
    shareCapital: 'Cap. soc.',
    taxRegime: 'Regime fiscale',
    phone: 'Tel.',
    customerReference: 'Vostro riferimento ordine',
    requestedDelivery: 'Consegna richiesta',
    validFrom: 'Valida dal',
    validTo: 'Valida fino al',
    dueDate: 'Scadenza',
    paymentTerms: 'Condizioni di pagamento',
    deliveryTerms: 'Condizioni di consegna',
    iban: 'IBAN',
    sourceOf: {
      quote: '',
      order: 'Rif. offerta',
      invoice: 'Rif. ordine',
      creditNote: 'Storno della fattura',
    },
    columns: {
      description: 'Descrizione',
      quantity: 'Q.tà',
      unit: 'U.m.',
      unitPrice: 'Prezzo',
      discount: 'Sconto',
      vat: 'IVA',
      amount: 'Importo',
    },
    vatSummary: 'Riepilogo IVA',
    rate: 'Aliquota',
    base: 'Imponibile',
    tax: 'Imposta',
    linesTotal: 'Totale righe',
    headerDiscount: 'Sconto',
    freight: 'Spese di trasporto',
    taxable: 'Imponibile',
    vatTotal: 'Totale IVA',
    grandTotal: 'Totale documento',
    vatAt: (rate) => `IVA ${rate}`,
    page: (n, of) => `Pagina ${n} di ${of}`,
    continued: 'segue',
    courtesyCopy:
      "Copia di cortesia priva di valore fiscale: la fattura elettronica originale è trasmessa tramite il Sistema di Interscambio (SdI) ed è disponibile nell'area riservata del sito dell'Agenzia delle Entrate (art. 21 D.P.R. 633/1972).",
    stampDuty: 'Imposta di bollo assolta in modo virtuale ai sensi del D.M. 17/06/2014.',
    reverseCharge:
      'Operazione non soggetta: inversione contabile, art. 7-ter D.P.R. 633/1972 e art. 196 Direttiva 2006/112/CE.',
    exportNotTaxable: 'Operazione non imponibile ai sensi dell’art. 8 D.P.R. 633/1972.',
    zeroRated: 'Operazione senza IVA: si veda la natura indicata nella fattura elettronica.',
  },
  en: {
    title: {
      quote: 'Quote',
      order: 'Order confirmation',
      invoice: 'Invoice',
      creditNote: 'Credit note',
    },
    number: 'Number',
    revision: 'revision',
    date: 'Date',
    customer: 'Bill to',
    vatNumber: 'VAT No.',
    taxCode: 'Tax code',
    sdiCode: 'SDI recipient code',
    pec: 'PEC',
    rea: 'REA',
    shareCapital: 'Share capital',
    taxRegime: 'Tax regime',
    phone: 'Tel.',
    customerReference: 'Your order reference',
    requestedDelivery: 'Requested delivery',
    validFrom: 'Valid from',
    validTo: 'Valid until',
    dueDate: 'Due date',
    paymentTerms: 'Payment terms',
    deliveryTerms: 'Delivery terms',
    iban: 'IBAN',
    sourceOf: {
      quote: '',
      order: 'Our quote',
      invoice: 'Our order',
      creditNote: 'Corrects invoice',
    },
    columns: {
      description: 'Description',
      quantity: 'Qty',
      unit: 'Unit',
      unitPrice: 'Price',
      discount: 'Discount',
      vat: 'VAT',
      amount: 'Amount',
    },
    vatSummary: 'VAT summary',
    rate: 'Rate',
    base: 'Taxable',
    tax: 'VAT',
    linesTotal: 'Lines total',
    headerDiscount: 'Discount',
    freight: 'Freight',
    taxable: 'Taxable amount',
    vatTotal: 'Total VAT',
    grandTotal: 'Total due',
    vatAt: (rate) => `VAT ${rate}`,
    page: (n, of) => `Page ${n} of ${of}`,
    continued: 'continued',
    courtesyCopy:
      'Courtesy copy with no fiscal value: the original electronic invoice is sent through the Italian exchange system (SdI), art. 21 Presidential Decree 633/1972.',
    stampDuty: 'Stamp duty paid virtually under the Ministerial Decree of 17/06/2014.',
    reverseCharge:
      'VAT reverse charge: article 196 of Directive 2006/112/EC (art. 7-ter Presidential Decree 633/1972).',
    exportNotTaxable: 'Not taxable: export under art. 8 Presidential Decree 633/1972.',
    zeroRated: 'No VAT charged: see the nature code in the electronic invoice.',
  },
};
