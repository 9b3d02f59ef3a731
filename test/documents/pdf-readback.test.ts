// Every document kind rendered to a real PDF and read back with poppler's pdftotext: the
// number, date, customer, every line, the VAT per rate and the totals are the domain's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeTotals, totalsEqual } from '../../shared/domain/money';
import type { PrintableDocument } from '../../shared/documents/print/printable';
import {
  documentWords,
  printAmount,
  printDate,
  printMoney,
  printRate,
} from '../../shared/documents/print/wording';
import { samplePrintable } from '../../renderer/features/documents/pdf/print-fixtures';
import { renderDocumentPdf } from '../../renderer/features/documents/pdf/write-pdf';

const require = createRequire(import.meta.url);
const fontFile = (path: string) =>
  new Uint8Array(readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${path}`)));
const testFonts = {
  regular: fontFile('400Regular/NotoSans_400Regular.ttf'),
  bold: fontFile('700Bold/NotoSans_700Bold.ttf'),
};

const dir = mkdtempSync(join(tmpdir(), 'fairlead-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const render = async (doc: PrintableDocument, name: string) => {
  const { bytes, pages } = await renderDocumentPdf(doc, testFonts);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return { bytes, pages, text, info, fonts, file };
};

// pdftotext -layout pads columns with runs of spaces: compare with single spaces.
const squeeze = (s: string) => s.replace(/[ \t]+/g, ' ');

const expectFigures = (doc: PrintableDocument, text: string) => {
  const flat = squeeze(text);
  const w = documentWords[doc.language];
  const money = (m: number) => printMoney(m, doc.currency, doc.language);
  expect(flat).toContain(w.title[doc.kind]);
  expect(flat).toContain(doc.number);
  expect(flat).toContain(printDate(doc.date, doc.language));
  expect(flat).toContain(doc.buyer?.name ?? '');
  // The printed totals are the domain's: recomputing them from the lines gives the same.
  expect(totalsEqual(doc.totals, computeTotals({ ...doc, freight: doc.totals.freight }))).toBe(
    true,
  );
  for (const line of doc.lines) {
    // Each line's name and amount come back on one text row, in that order.
    const row = flat
      .split('\n')
      .find(
        (r) =>
          r.includes(line.name) && r.includes(printAmount(line.amount, doc.currency, doc.language)),
      );
    expect(row, `line ${line.name}`).toBeDefined();
    expect(row).toContain(printRate(line.vatRate, doc.language));
    if (line.discount !== 0)
      expect(row).toContain(printAmount(line.discount, doc.currency, doc.language));
  }
  for (const v of doc.totals.vat) {
    expect(flat).toContain(`${w.vatAt(printRate(v.rate, doc.language))} ${money(v.tax)}`);
    const summary = `${printRate(v.rate, doc.language)} ${printAmount(v.base, doc.currency, doc.language)} ${printAmount(v.tax, doc.currency, doc.language)}`;
    expect(flat).toContain(summary);
  }
  expect(flat).toContain(`${w.taxable} ${money(doc.totals.taxableTotal)}`);
  expect(flat).toContain(
    `${w.freight} (${printRate(doc.freightVatRate, doc.language)}) ${money(doc.totals.freight)}`,
  );
  expect(flat).toContain(`−${money(doc.totals.discountTotal)}`);
  expect(flat).toContain(`${w.grandTotal} ${money(doc.totals.grandTotal)}`);
};

describe('document PDFs read back with pdftotext', () => {
  it.each([
    ['quote', 'it'],
    ['order', 'it'],
    ['invoice', 'it'],
    ['quote', 'en'],
    ['order', 'en'],
    ['invoice', 'en'],
  ] as const)('%s in %s carries its figures', async (kind, language) => {
    const doc = samplePrintable(kind, { language });
    const { text, info, fonts, bytes } = await render(doc, `${kind}-${language}`);
    expectFigures(doc, text);
    expect(info).toMatch(/Pages:\s+1\n/);
    // Both fonts are embedded (with a Unicode map, so text can be copied and searched) and
    // cut down to the glyphs used: the full fonts weigh 1.2 MB together.
    expect(fonts).toMatch(/NotoSans-Regular/);
    expect(fonts).toMatch(/NotoSans-Bold/);
    for (const row of fonts.split('\n').filter((r) => r.includes('NotoSans'))) {
      expect(row).toMatch(/Identity-H\s+yes\s+\w+\s+yes\s/);
    }
    expect(bytes.length).toBeLessThan(200_000);
  });

  it('prints what each kind promises: validity, delivery, due date, payment and IBAN', async () => {
    const quote = squeeze((await render(samplePrintable('quote'), 'quote-terms')).text);
    expect(quote).toContain(`Valida fino al ${printDate('2026-12-31', 'it')}`);
    expect(quote).toContain('Franco destino');
    const order = squeeze((await render(samplePrintable('order'), 'order-terms')).text);
    expect(order).toContain('Vostro riferimento ordine PO-4711/B');
    expect(order).toContain(`Consegna richiesta ${printDate('2027-01-15', 'it')}`);
    const invoice = squeeze((await render(samplePrintable('invoice'), 'invoice-terms')).text);
    expect(invoice).toContain(`Scadenza ${printDate('2026-12-30', 'it')}`);
    expect(invoice).toContain('Bonifico bancario 30 giorni data fattura');
    expect(invoice).toContain('IBAN IT60X0542811101000000123456');
    expect(invoice).toContain('P.IVA IT01234567897');
    expect(invoice).toContain('REA MI-1234567');
    expect(invoice).toContain('Sistema di Interscambio');
    expect(invoice).toContain('Codice destinatario SDI M5UXCR1');
  });

  it('prints the reverse-charge mention for an EU business customer, in English', async () => {
    const doc = samplePrintable('invoice', { language: 'en', country: 'DE' });
    const text = squeeze((await render(doc, 'invoice-de')).text);
    expect(text).toContain('reverse charge');
    expect(text).not.toContain('Stamp duty');
  });

  it('gives a long document page numbers and repeats the table header', async () => {
    const doc = samplePrintable('invoice', { lines: 120 });
    const { text, info, pages } = await render(doc, 'invoice-long');
    const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(count).toBeGreaterThan(2);
    expect(pages).toHaveLength(count);
    const pageTexts = text.split('\f').filter((p) => p.trim() !== '');
    expect(pageTexts).toHaveLength(count);
    pageTexts.forEach((p, i) => {
      expect(squeeze(p)).toContain(`Pagina ${i + 1} di ${count}`);
      expect(p).toContain(documentWords.it.columns.description);
    });
    expectFigures(doc, text);
  });

  it('brings accented and non-Latin names back as written', async () => {
    for (const name of [
      'Łukasz Żółć',
      'Ørsted A/S',
      'Müller & Söhne',
      'Ηλίας Παπαδόπουλος',
      'Дмитрий Ковалёв',
    ]) {
      const doc = samplePrintable('quote', { buyerName: name });
      const { text } = await render(doc, `name-${name.length}`);
      expect(squeeze(text)).toContain(name);
    }
  });

  it('renders page 1 to a PNG for a look', async () => {
    const { file } = await render(samplePrintable('invoice', { lines: 8 }), 'invoice-screenshot');
    const out = join(process.cwd(), 'test-results/screenshots/pdf');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(out, 'invoice-it'),
    ]);
    expect(readFileSync(join(out, 'invoice-it.png')).length).toBeGreaterThan(10_000);
  });
});
