import { describe, expect, it } from 'vitest';
import type { Account } from '../../domain/records';
import type { TextMeasure } from './layout';
import { layoutDocument, wrapText } from './layout';
import { invoiceMentions } from './mentions';
import type { PrintableDocument } from './printable';
import {
  documentLanguageOf,
  emptyLetterhead,
  letterheadOfCompany,
  printableInvoice,
  printFileName,
} from './printable';
import {
  account as customer,
  invoice as invoiceRecord,
  line as invoiceLine,
} from '../test-fixtures';
import { demoCompany } from '../../dataset/office';
import { printDate, printMoney } from './wording';

// A monospace stand-in for font metrics: half the font size per character.
const measure: TextMeasure = (text, size) => text.length * size * 0.5;

const line = (i: number, vatRate = 2200) => ({
  id: `l${i}`,
  productId: null,
  sku: `S${i}`,
  name: `Item ${i}`,
  description: '',
  unit: 'pc',
  quantity: 1,
  unitPrice: 1000,
  discount: 0,
  vatRate,
  amount: 1000,
});

const doc = (lines: number, patch: Partial<PrintableDocument> = {}): PrintableDocument => ({
  kind: 'invoice',
  language: 'it',
  number: 'FT/2026/A/0001',
  revision: null,
  date: '2026-11-30',
  seller: emptyLetterhead,
  buyer: null,
  currency: 'EUR',
  lines: Array.from({ length: lines }, (_, i) => line(i)),
  headerDiscount: null,
  freightVatRate: 2200,
  totals: {
    linesTotal: lines * 1000,
    discountTotal: 0,
    freight: 0,
    taxableTotal: lines * 1000,
    vat: [{ rate: 2200, base: lines * 1000, tax: lines * 220 }],
    vatTotal: lines * 220,
    grandTotal: lines * 1220,
  },
  validFrom: null,
  validTo: null,
  dueDate: '2026-12-30',
  paymentTerms: '',
  deliveryTerms: '',
  customerReference: '',
  requestedDeliveryDate: null,
  sourceNumber: '',
  ...patch,
});

const texts = (pages: ReturnType<typeof layoutDocument>) =>
  pages.map((p) => p.items.flatMap((i) => (i.kind === 'text' ? [i.text] : [])));

describe('wrapText', () => {
  it('breaks at spaces within the width and cuts a word longer than a line', () => {
    expect(wrapText('aaa bbb ccc', 7 * 5, 10, false, measure)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('abcdefghij', 4 * 5, 10, false, measure)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('one\ntwo', 100, 10, false, measure)).toEqual(['one', 'two']);
  });
});

describe('layoutDocument', () => {
  it('keeps every item on its A4 page and numbers the pages', () => {
    const pages = layoutDocument(doc(150), { measure });
    expect(pages.length).toBeGreaterThan(2);
    texts(pages).forEach((t, i) => expect(t).toContain(`Pagina ${i + 1} di ${pages.length}`));
    for (const page of pages) {
      for (const item of page.items) {
        expect(item.y).toBeGreaterThan(0);
        expect(item.y).toBeLessThan(page.height);
        if (item.kind === 'text')
          expect(item.x + measure(item.text, item.size, item.bold)).toBeLessThanOrEqual(
            page.width - 39,
          );
      }
    }
    // Every line is printed exactly once, in order.
    const names = texts(pages)
      .flat()
      .filter((t) => /^Item \d+$/.test(t));
    expect(names).toEqual(Array.from({ length: 150 }, (_, i) => `Item ${i}`));
  });

  it('prints the grand total once, after the last line', () => {
    const pages = layoutDocument(doc(3), { measure });
    const all = texts(pages).flat();
    expect(all.filter((t) => t === printMoney(3660, 'EUR', 'it'))).toHaveLength(1);
    expect(all).toContain(`Scadenza`);
    expect(all).toContain(printDate('2026-12-30', 'it'));
  });

  it('places the logo only when its size is known', () => {
    const withLogo = doc(1, { seller: { ...emptyLetterhead, logo: 'data:image/png;base64,AAAA' } });
    const logos = (size: { width: number; height: number } | null) =>
      layoutDocument(withLogo, { measure, logoSize: size })[0]?.items.filter(
        (i) => i.kind === 'logo',
      );
    expect(logos(null)).toHaveLength(0);
    const [logo] = logos({ width: 400, height: 100 }) ?? [];
    expect(logo?.height).toBeLessThanOrEqual(46);
    expect(logo?.width).toBeLessThanOrEqual(130);
  });
});

describe('the customer language and the letterhead', () => {
  const account = (patch: Partial<Account> & { documentLanguage?: string }) =>
    ({ address: { country: 'IT' }, ...patch }) as Account;
  it('prints in the account preference, else Italian at home and English abroad', () => {
    expect(documentLanguageOf(account({}))).toBe('it');
    expect(documentLanguageOf(account({ address: { country: 'DE' } }))).toBe('en');
    expect(
      documentLanguageOf(account({ address: { country: 'DE' }, documentLanguage: 'it' })),
    ).toBe('it');
    expect(documentLanguageOf(account({ documentLanguage: 'en' }))).toBe('en');
    expect(documentLanguageOf(null)).toBe('it');
  });

  it('prints the office identity with the REA mentions, in the customer language', () => {
    expect(letterheadOfCompany(null, 'it')).toEqual(emptyLetterhead);
    const company = demoCompany;
    const it = letterheadOfCompany(company, 'it');
    expect(it.name).toBe(company.name);
    expect(it.defaultPaymentTerms).toBe(company.paymentTerms.it);
    expect(letterheadOfCompany(company, 'en').defaultPaymentTerms).toBe(company.paymentTerms.en);
    expect(it.rea).toContain(company.rea?.number ?? '');
    expect(
      letterheadOfCompany(
        {
          ...company,
          logo: 'javascript:alert(1)',
          rea: {
            office: 'MI',
            number: '1',
            shareCapital: 1_000_000,
            soleShareholder: 'SU',
            liquidation: 'LS',
          },
        },
        'it',
      ),
    ).toMatchObject({
      logo: null,
      rea: 'MI-1',
      shareCapital: '10.000,00 € i.v. · socio unico · in liquidazione',
    });
  });

  it('names the file after kind and number, safe for any file system', () => {
    expect(printFileName({ kind: 'invoice', number: 'FT/2026/A/0001', language: 'it' })).toBe(
      'Fattura-FT-2026-A-0001.pdf',
    );
    expect(printFileName({ kind: 'quote', number: '', language: 'en' })).toBe('Quote-draft.pdf');
  });
});

describe('a credit note', () => {
  const creditNote = invoiceRecord([invoiceLine('a', 10_000, 2, 2200)], {
    number: 'NC/2026/AR01/00001',
    documentType: 'creditNote',
    correctedInvoiceId: 'inv-1',
    correctedInvoiceNumber: 'INV/2026/AR01/00007',
    correctedInvoiceDate: '2026-03-10',
    state: 'issued',
    status: 'issued',
  });
  const terms = {
    paymentTerms: 'Bonifico 30 gg',
    deliveryTerms: '',
    sourceNumber: 'ORD-AR01-00003',
  };

  it('prints as a credit note naming the invoice it corrects, asking for no payment', () => {
    const printable = printableInvoice(creditNote, {
      seller: emptyLetterhead,
      account: customer(),
      terms,
    });
    expect(printable).toMatchObject({
      kind: 'creditNote',
      sourceNumber: 'INV/2026/AR01/00007',
      dueDate: null,
      paymentTerms: '',
    });
    const all = texts(layoutDocument(printable, { measure })).flat().join('\n');
    expect(all).toContain('Nota di credito');
    expect(all).toContain('INV/2026/AR01/00007');
    expect(all).not.toContain('Fattura');
    expect(invoiceMentions(printable)[0]).toContain('Sistema di Interscambio');
    expect(printFileName(printable)).toBe('Nota-di-credito-NC-2026-AR01-00001.pdf');
  });

  it("prints the customer's PO reference the invoice carries", () => {
    const record = invoiceRecord([invoiceLine('a', 10_000, 2, 2200)], {
      customerReference: 'PO-2026/118',
    });
    const printable = printableInvoice(record, {
      seller: emptyLetterhead,
      account: customer(),
      terms,
    });
    const all = texts(layoutDocument(printable, { measure })).flat().join('\n');
    expect(all).toContain('Vostro riferimento ordine');
    expect(all).toContain('PO-2026/118');
  });

  it('an invoice still prints as an invoice, with its due date', () => {
    const printable = printableInvoice(invoiceRecord([invoiceLine('a', 10_000, 2, 2200)]), {
      seller: emptyLetterhead,
      account: customer(),
      terms,
    });
    expect(printable).toMatchObject({ kind: 'invoice', sourceNumber: 'ORD-AR01-00003' });
    expect(printable.dueDate).not.toBeNull();
  });
});

describe('invoice mentions', () => {
  const zero = (country: string, vatNumber: string, base = 10_000) =>
    invoiceMentions(
      doc(1, {
        buyer: { name: 'X', address: { country }, vatNumber, taxCode: '', sdiCode: '', pec: '' },
        totals: { ...doc(1).totals, vat: [{ rate: 0, base, tax: 0 }] },
      }),
    );
  it('always says the PDF is a courtesy copy of the e-invoice', () => {
    expect(invoiceMentions(doc(1))[0]).toContain('Sistema di Interscambio');
    expect(invoiceMentions(doc(1, { kind: 'quote' }))).toEqual([]);
  });
  it('explains a zero rate: reverse charge in the EU, export outside, stamp duty over €77.47', () => {
    expect(zero('DE', 'DE123456789').join(' ')).toContain('inversione contabile');
    expect(zero('DE', 'DE123456789').join(' ')).not.toContain('bollo');
    expect(zero('US', '').join(' ')).toContain('art. 8');
    expect(zero('US', '').join(' ')).toContain('bollo');
    expect(zero('IT', 'IT01234567897', 7000).join(' ')).not.toContain('bollo');
  });
});
