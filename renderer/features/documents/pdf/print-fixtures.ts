// Documents to print in tests and benchmarks: lines with mixed VAT rates and discounts, a
// header discount and freight, totals from the domain's computeTotals, and customers whose
// names need more than Latin-1 ("Łukasz Żółć", "Ørsted", "Müller").
import { computeTotals, lineAmount } from '../../../../shared/domain/money';
import type { Line } from '../../../../shared/domain/records';
import type {
  Letterhead,
  PrintableDocument,
  PrintKind,
} from '../../../../shared/documents/print/printable';

export const sampleLetterhead: Letterhead = {
  name: 'Ferri Forniture Industriali S.r.l.',
  address: {
    street: 'Via Lodovico il Moro 12',
    city: 'Milano',
    postalCode: '20143',
    province: 'MI',
    country: 'IT',
  },
  vatNumber: 'IT01234567897',
  taxCode: '01234567897',
  rea: 'MI-1234567',
  shareCapital: '€ 50.000,00 i.v.',
  taxRegime: 'RF01',
  phone: '+39 02 1234567',
  email: 'amministrazione@ferri.example',
  pec: 'ferri@pec.example',
  website: 'www.ferri.example',
  iban: 'IT60X0542811101000000123456',
  bankName: 'Banca Popolare di Sondrio',
  defaultPaymentTerms: 'Bonifico bancario 30 giorni data fattura',
  footer: {
    it: 'Ferri Forniture Industriali S.r.l. – società soggetta a direzione e coordinamento di Ferri Holding S.p.A.',
    en: 'Ferri Forniture Industriali S.r.l. – managed and coordinated by Ferri Holding S.p.A.',
  },
  logo: null,
};

const names = [
  'Valvola a sfera DN25 ottone',
  'Łukasz Żółć – sensore di pressione',
  'Pompa centrifuga Müller 2,2 kW',
  'Cavo schermato Ørsted 4×1,5 mm²',
  'Manutenzione programmata annuale',
  'Raccordo à compressione 22 mm',
];
const rates = [2200, 1000, 400, 0];

/** `count` lines; every third has a discount, rates cycle through 22%, 10%, 4% and 0%. */
export const sampleLines = (count: number): Line[] =>
  Array.from({ length: count }, (_, i) => {
    const quantity = i % 5 === 4 ? 2.5 : (i % 7) + 1;
    const unitPrice = 1250 + ((i * 7919) % 90_000);
    const discount = i % 3 === 2 ? 500 + i * 10 : 0;
    return {
      id: `line-${i + 1}`,
      productId: null,
      sku: `SKU-${String(i + 1).padStart(4, '0')}`,
      name: `${names[i % names.length] ?? 'Articolo'} ${i + 1}`,
      description:
        i % 4 === 1
          ? 'Fornitura comprensiva di certificato di collaudo e manuale d’uso in italiano e inglese'
          : '',
      unit: i % 5 === 4 ? 'h' : 'pz',
      quantity,
      unitPrice,
      discount,
      vatRate: rates[i % rates.length] ?? 2200,
      amount: lineAmount(unitPrice, quantity, discount),
    };
  });

export const samplePrintable = (
  kind: PrintKind,
  options: { lines?: number; language?: 'it' | 'en'; buyerName?: string; country?: string } = {},
): PrintableDocument => {
  const lines = sampleLines(options.lines ?? 6);
  const headerDiscount = { kind: 'percent' as const, value: 500 };
  const freight = 2500;
  const freightVatRate = 2200;
  const country = options.country ?? 'IT';
  return {
    kind,
    language: options.language ?? 'it',
    number:
      kind === 'quote' ? 'QUO-AB-00042' : kind === 'order' ? 'ORD-AB-00017' : 'FT/2026/A/0007',
    revision: kind === 'quote' ? 1 : null,
    date: '2026-11-30',
    seller: sampleLetterhead,
    buyer: {
      name: options.buyerName ?? 'Łukasz Żółć Ørsted Müller GmbH',
      address: { street: 'Hauptstraße 5', city: 'München', postalCode: '80331', country },
      vatNumber: country === 'IT' ? 'IT09876543217' : 'DE123456789',
      taxCode: '',
      sdiCode: country === 'IT' ? 'M5UXCR1' : 'XXXXXXX',
      pec: '',
    },
    currency: 'EUR',
    lines,
    headerDiscount,
    freightVatRate,
    totals: computeTotals({ lines, headerDiscount, freight, freightVatRate }),
    validFrom: kind === 'quote' ? '2026-11-30' : null,
    validTo: kind === 'quote' ? '2026-12-31' : null,
    dueDate: kind === 'invoice' ? '2026-12-30' : null,
    paymentTerms: 'Bonifico bancario 30 giorni data fattura',
    deliveryTerms: kind === 'invoice' ? '' : 'Franco destino',
    customerReference: kind === 'quote' ? '' : 'PO-4711/B',
    requestedDeliveryDate: kind === 'order' ? '2027-01-15' : null,
    sourceNumber: kind === 'order' ? 'QUO-AB-00042' : kind === 'invoice' ? 'ORD-AB-00017' : '',
  };
};
