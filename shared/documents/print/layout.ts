// Lays a printable document out on A4 pages: letterhead, customer block, lines (the table
// header repeats on every page), VAT summary and totals, payment, legal mentions, and a
// footer with page numbers. Pure: text widths come from the caller's font metrics, so the
// PDF writer and the on-screen preview draw exactly the same boxes.
import type { Line } from '../../domain/records';
import { invoiceMentions } from './mentions';
import type { PrintableDocument } from './printable';
import {
  documentWords,
  printAmount,
  printDate,
  printMoney,
  printQuantity,
  printRate,
} from './wording';

export type TextMeasure = (text: string, size: number, bold: boolean) => number;

export type PageItem =
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      bold: boolean;
      muted: boolean;
    }
  | { kind: 'rule'; x: number; y: number; width: number; weight: number }
  | { kind: 'band'; x: number; y: number; width: number; height: number }
  | { kind: 'logo'; x: number; y: number; width: number; height: number };

/** One page; y grows downwards from the top edge, in PDF points. */
export type LaidOutPage = { width: number; height: number; items: PageItem[] };

export type LayoutOptions = {
  measure: TextMeasure;
  /** Natural size of the logo image, when the letterhead has one the writer could read. */
  logoSize?: { width: number; height: number } | null;
};

export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 40;
const RIGHT = A4.width - MARGIN;
const BOTTOM = A4.height - 56;
const BODY = 8.5;
const SMALL = 7.5;

// Columns of the lines table: left edge and width; numbers are right-aligned in theirs.
const COLUMNS = {
  description: { x: MARGIN, width: 215 },
  quantity: { x: 255, width: 48 },
  unit: { x: 307, width: 30 },
  unitPrice: { x: 337, width: 64 },
  discount: { x: 401, width: 52 },
  vat: { x: 453, width: 36 },
  amount: { x: 489, width: RIGHT - 489 },
} as const;

/** Splits text into lines no wider than `width`; a word too long is cut by characters. */
export const wrapText = (
  text: string,
  width: number,
  size: number,
  bold: boolean,
  measure: TextMeasure,
): string[] => {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let current = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (measure(candidate, size, bold) <= width) {
        current = candidate;
        continue;
      }
      if (current !== '') out.push(current);
      current = word;
      while (measure(current, size, bold) > width && current.length > 1) {
        let cut = current.length - 1;
        while (cut > 1 && measure(current.slice(0, cut), size, bold) > width) cut--;
        out.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    if (current !== '' || paragraph.trim() === '') out.push(current);
  }
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
};

type Cursor = { pages: LaidOutPage[]; page: LaidOutPage; y: number };

export const layoutDocument = (doc: PrintableDocument, options: LayoutOptions): LaidOutPage[] => {
  const { measure } = options;
  const w = documentWords[doc.language];
  const lang = doc.language;
  const money = (minor: number) => printMoney(minor, doc.currency, lang);
  const amount = (minor: number) => printAmount(minor, doc.currency, lang);

  const text = (
    c: Cursor,
    x: number,
    y: number,
    s: string,
    size = BODY,
    bold = false,
    muted = false,
  ) => {
    if (s !== '') c.page.items.push({ kind: 'text', x, y, text: s, size, bold, muted });
  };
  const right = (c: Cursor, edge: number, y: number, s: string, size = BODY, bold = false) =>
    text(c, edge - measure(s, size, bold), y, s, size, bold);

  const letterhead = (c: Cursor) => {
    const s = doc.seller;
    let x = MARGIN;
    const logo = s.logo !== null ? options.logoSize : null;
    if (logo && logo.width > 0 && logo.height > 0) {
      const scale = Math.min(46 / logo.height, 130 / logo.width);
      const width = logo.width * scale;
      c.page.items.push({ kind: 'logo', x, y: 34, width, height: logo.height * scale });
      x += width + 12;
    }
    text(c, x, 46, s.name, 11, true);
    const a = s.address;
    const rows = [
      [
        a.street,
        [a.postalCode, a.city, a.province ? `(${a.province})` : ''].filter(Boolean).join(' '),
        a.country,
      ]
        .filter(Boolean)
        .join(' · '),
      [s.vatNumber && `${w.vatNumber} ${s.vatNumber}`, s.taxCode && `${w.taxCode} ${s.taxCode}`]
        .filter(Boolean)
        .join(' · '),
      [s.rea && `${w.rea} ${s.rea}`, s.shareCapital && `${w.shareCapital} ${s.shareCapital}`]
        .filter(Boolean)
        .join(' · '),
      [s.phone && `${w.phone} ${s.phone}`, s.email, s.pec && `${w.pec} ${s.pec}`, s.website]
        .filter(Boolean)
        .join(' · '),
    ].filter((r) => r !== '');
    rows.forEach((r, i) => text(c, x, 58 + i * 9.5, r, SMALL, false, true));
    const title = `${w.title[doc.kind]}`;
    right(c, RIGHT, 50, title, 16, true);
    const number = `${w.number} ${doc.number}${doc.revision !== null ? ` (${w.revision} ${doc.revision})` : ''}`;
    right(c, RIGHT, 64, number, BODY, true);
    right(c, RIGHT, 75, `${w.date} ${printDate(doc.date, lang)}`);
    c.page.items.push({ kind: 'rule', x: MARGIN, y: 100, width: RIGHT - MARGIN, weight: 0.6 });
    c.y = 116;
  };

  const newPage = (c: Cursor | null): Cursor => {
    const page: LaidOutPage = { width: A4.width, height: A4.height, items: [] };
    const next: Cursor = c ?? { pages: [], page, y: 0 };
    next.pages.push(page);
    next.page = page;
    letterhead(next);
    return next;
  };

  const c = newPage(null);

  // Customer block (right) and document facts (left), side by side.
  const factRows: [string, string][] = [];
  const fact = (label: string, value: string) => {
    if (value !== '') factRows.push([label, value]);
  };
  if (doc.sourceNumber !== '') fact(w.sourceOf[doc.kind], doc.sourceNumber);
  fact(w.customerReference, doc.customerReference);
  fact(w.requestedDelivery, printDate(doc.requestedDeliveryDate, lang));
  fact(w.validFrom, printDate(doc.validFrom, lang));
  fact(w.validTo, printDate(doc.validTo, lang));
  fact(w.dueDate, printDate(doc.dueDate, lang));
  fact(w.paymentTerms, doc.paymentTerms);
  let leftY = c.y;
  for (const [label, value] of factRows) {
    text(c, MARGIN, leftY, label, SMALL, false, true);
    const wrapped = wrapText(value, 180, BODY, false, measure);
    wrapped.forEach((l, i) => text(c, MARGIN + 100, leftY + i * 11, l));
    leftY += Math.max(1, wrapped.length) * 11 + 2;
  }
  let rightY = c.y;
  const buyerX = 330;
  if (doc.buyer !== null) {
    const b = doc.buyer;
    text(c, buyerX, rightY, w.customer, SMALL, false, true);
    rightY += 12;
    for (const l of wrapText(b.name, RIGHT - buyerX, 10, true, measure)) {
      text(c, buyerX, rightY, l, 10, true);
      rightY += 12;
    }
    const a = b.address;
    const lines = [
      a.street ?? '',
      [a.postalCode, a.city, a.province ? `(${a.province})` : ''].filter(Boolean).join(' '),
      a.country ?? '',
      b.vatNumber && `${w.vatNumber} ${b.vatNumber}`,
      b.taxCode && b.taxCode !== b.vatNumber.replace(/^IT/, '') ? `${w.taxCode} ${b.taxCode}` : '',
      b.sdiCode && b.sdiCode !== '0000000' ? `${w.sdiCode} ${b.sdiCode}` : '',
      b.pec && `${w.pec} ${b.pec}`,
    ].filter((l) => l !== '');
    for (const l of lines.flatMap((l) => wrapText(l, RIGHT - buyerX, BODY, false, measure))) {
      text(c, buyerX, rightY, l);
      rightY += 11;
    }
  }
  c.y = Math.max(leftY, rightY) + 14;

  // ---- lines -------------------------------------------------------------------------------
  const tableHeader = () => {
    c.page.items.push({ kind: 'band', x: MARGIN, y: c.y - 10, width: RIGHT - MARGIN, height: 15 });
    const h = w.columns;
    text(c, COLUMNS.description.x + 3, c.y, h.description, SMALL, true);
    const r = (col: keyof typeof COLUMNS, s: string) =>
      right(c, COLUMNS[col].x + COLUMNS[col].width - 3, c.y, s, SMALL, true);
    r('quantity', h.quantity);
    text(c, COLUMNS.unit.x + 3, c.y, h.unit, SMALL, true);
    r('unitPrice', h.unitPrice);
    r('discount', h.discount);
    r('vat', h.vat);
    r('amount', `${h.amount} (${doc.currency})`);
    c.y += 16;
  };
  const ensure = (height: number, repeatHeader: boolean) => {
    if (c.y + height <= BOTTOM) return;
    text(
      c,
      RIGHT - measure(`… ${w.continued}`, SMALL, false),
      BOTTOM + 8,
      `… ${w.continued}`,
      SMALL,
      false,
      true,
    );
    newPage(c);
    if (repeatHeader) tableHeader();
  };
  const lineRow = (line: Line) => {
    const name = wrapText(line.name, COLUMNS.description.width - 6, BODY, false, measure);
    const detail = [line.sku, line.description].filter((s) => s.trim() !== '').join(' · ');
    const more =
      detail === '' ? [] : wrapText(detail, COLUMNS.description.width - 6, SMALL, false, measure);
    const height = name.length * 10.5 + more.length * 9 + 5;
    ensure(height, true);
    const y = c.y;
    name.forEach((l, i) => text(c, COLUMNS.description.x + 3, y + i * 10.5, l));
    more.forEach((l, i) =>
      text(c, COLUMNS.description.x + 3, y + name.length * 10.5 + i * 9 - 1, l, SMALL, false, true),
    );
    const r = (col: keyof typeof COLUMNS, s: string) =>
      right(c, COLUMNS[col].x + COLUMNS[col].width - 3, y, s);
    r('quantity', printQuantity(line.quantity, lang));
    text(c, COLUMNS.unit.x + 3, y, line.unit);
    r('unitPrice', amount(line.unitPrice));
    r('discount', line.discount !== 0 ? amount(line.discount) : '');
    r('vat', printRate(line.vatRate, lang));
    r('amount', amount(line.amount));
    c.y += height;
    c.page.items.push({ kind: 'rule', x: MARGIN, y: c.y - 8, width: RIGHT - MARGIN, weight: 0.2 });
  };
  tableHeader();
  doc.lines.forEach(lineRow);
  c.y += 8;

  // ---- VAT summary (left) and totals (right) -----------------------------------------------
  const t = doc.totals;
  const totalRows: [string, string, boolean][] = [[w.linesTotal, money(t.linesTotal), false]];
  if (t.discountTotal !== 0) {
    const pct =
      doc.headerDiscount?.kind === 'percent'
        ? ` (${printRate(doc.headerDiscount.value, lang)})`
        : '';
    totalRows.push([`${w.headerDiscount}${pct}`, `−${money(t.discountTotal)}`, false]);
  }
  if (t.freight !== 0)
    totalRows.push([
      `${w.freight} (${printRate(doc.freightVatRate, lang)})`,
      money(t.freight),
      false,
    ]);
  totalRows.push([w.taxable, money(t.taxableTotal), false]);
  for (const v of t.vat) totalRows.push([w.vatAt(printRate(v.rate, lang)), money(v.tax), false]);
  totalRows.push([w.vatTotal, money(t.vatTotal), false]);
  totalRows.push([w.grandTotal, money(t.grandTotal), true]);
  const summaryHeight = Math.max(totalRows.length * 13, (t.vat.length + 2) * 12) + 10;
  ensure(summaryHeight, false);
  const top = c.y;
  text(c, MARGIN, top, w.vatSummary, SMALL, true);
  const vatCols = [MARGIN + 60, MARGIN + 150, MARGIN + 230];
  right(c, vatCols[0] ?? 0, top + 12, w.rate, SMALL, true);
  right(c, vatCols[1] ?? 0, top + 12, w.base, SMALL, true);
  right(c, vatCols[2] ?? 0, top + 12, w.tax, SMALL, true);
  t.vat.forEach((v, i) => {
    const y = top + 24 + i * 12;
    right(c, vatCols[0] ?? 0, y, printRate(v.rate, lang));
    right(c, vatCols[1] ?? 0, y, amount(v.base));
    right(c, vatCols[2] ?? 0, y, amount(v.tax));
  });
  totalRows.forEach(([label, value, grand], i) => {
    const y = top + i * 13;
    if (grand)
      c.page.items.push({ kind: 'band', x: 330, y: y - 10, width: RIGHT - 330, height: 15 });
    text(c, 334, y, label, grand ? 10 : BODY, grand);
    right(c, RIGHT - 3, y, value, grand ? 10 : BODY, grand);
  });
  c.y = top + summaryHeight + 6;

  // ---- payment, delivery and legal mentions ------------------------------------------------
  const paragraph = (label: string, body: string, size = BODY) => {
    if (body.trim() === '') return;
    const lines = wrapText(
      label === '' ? body : `${label}: ${body}`,
      RIGHT - MARGIN,
      size,
      false,
      measure,
    );
    for (const l of lines) {
      ensure(size + 4, false);
      text(c, MARGIN, c.y, l, size, false, size < BODY);
      c.y += size + 3.5;
    }
    c.y += 3;
  };
  if (doc.kind === 'quote' || doc.kind === 'invoice' || doc.paymentTerms !== '') {
    const bank = [doc.seller.iban && `${w.iban} ${doc.seller.iban}`, doc.seller.bankName]
      .filter(Boolean)
      .join(' · ');
    paragraph('', bank);
  }
  paragraph(w.deliveryTerms, doc.deliveryTerms);
  if (doc.seller.taxRegime !== '' && (doc.kind === 'invoice' || doc.kind === 'creditNote'))
    paragraph(w.taxRegime, doc.seller.taxRegime, SMALL);
  for (const m of invoiceMentions(doc)) paragraph('', m, SMALL);

  // ---- footers, now that the page count is known -------------------------------------------
  const footer = doc.seller.footer?.[lang] ?? '';
  c.pages.forEach((page, i) => {
    const y = A4.height - 28;
    page.items.push({ kind: 'rule', x: MARGIN, y: y - 12, width: RIGHT - MARGIN, weight: 0.4 });
    const label = w.page(i + 1, c.pages.length);
    const width = measure(label, SMALL, false);
    const foot = wrapText(footer, RIGHT - MARGIN - width - 20, SMALL, false, measure).slice(0, 2);
    foot.forEach((l, j) => {
      if (l !== '')
        page.items.push({
          kind: 'text',
          x: MARGIN,
          y: y + j * 9,
          text: l,
          size: SMALL,
          bold: false,
          muted: true,
        });
    });
    page.items.push({
      kind: 'text',
      x: RIGHT - width,
      y,
      text: label,
      size: SMALL,
      bold: false,
      muted: true,
    });
  });
  return c.pages;
};
