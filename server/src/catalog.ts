// Catalog import (admin CLI): products and price lists from one CSV, every line checked,
// nothing imported when any line is wrong.
//
// Columns (header row, any order, case-insensitive): sku, name (required); description,
// unit, family, vat_rate (percent, e.g. 22), active (yes/no); price_list, currency,
// unit_price (e.g. 12.50) to put the product on a price list (created if missing).
import type { LocalizedText } from '../../shared/domain/errors';
import type { PriceList, Product } from '../../shared/domain/records';
import type { CsvRow } from './csv';
import { parseCsv } from './csv';
import { newId } from './ids';
import { OFFICE_OWNER_ID, OfficeError, writeOfficeDocs } from './office';
import type { Storage } from './storage/types';

/** A refused line of the file, in each UI language. */
export type LineProblem = { line: number; messages: LocalizedText };

export type ImportReport = {
  products: number;
  priceLists: number;
  /** `line N: …` in English (the command line). */
  errors: string[];
  lines: LineProblem[];
};

const known = [
  'sku',
  'name',
  'description',
  'unit',
  'family',
  'vat_rate',
  'active',
  'price_list',
  'currency',
  'unit_price',
];

const truthy = (v: string): boolean | null => {
  const s = v.trim().toLowerCase();
  if (['', 'yes', 'y', 'true', '1', 'si', 'sì'].includes(s)) return true;
  if (['no', 'n', 'false', '0'].includes(s)) return false;
  return null;
};

/** "12.50" or "12,50" in currency units → 1250 minor units; null when not an amount. */
const minorUnits = (v: string): number | null => {
  const m = /^(-?\d{1,11})(?:[.,](\d{1,2}))?$/.exec(v.trim());
  if (!m) return null;
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  return Number(m[1]) * 100 + (m[1]?.startsWith('-') ? -cents : cents);
};

const searchTermsOf = (...parts: string[]): string[] =>
  [
    ...new Set(
      parts
        .join(' ')
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .split(/[^a-z0-9]+/),
    ),
  ]
    .filter((w) => w.length > 0)
    .slice(0, 40);

export const importCatalog = async (storage: Storage, csvText: string): Promise<ImportReport> => {
  const [header, ...lines] = parseCsv(csvText);
  if (!header) throw new OfficeError('The file is empty.', 'Il file è vuoto.');
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const unknown = columns.filter((c) => !known.includes(c));
  if (unknown.length > 0)
    throw new OfficeError(
      `Unknown columns: ${unknown.join(', ')}. Known: ${known.join(', ')}.`,
      `Colonne sconosciute: ${unknown.join(', ')}. Quelle note: ${known.join(', ')}.`,
    );
  if (!columns.includes('sku') || !columns.includes('name'))
    throw new OfficeError(
      'The file needs sku and name columns.',
      'Il file deve avere le colonne sku e name.',
    );
  const field = (row: CsvRow, name: string): string =>
    (row.cells[columns.indexOf(name)] ?? '').trim();

  const now = new Date().toISOString();
  const audit = { ownerId: OFFICE_OWNER_ID, updatedAt: now, updatedBy: OFFICE_OWNER_ID };
  const existingProducts = (await storage.allDocs('products'))
    .filter((d) => !d.deleted)
    .map((d) => d.doc as unknown as Product);
  const existingLists = (await storage.allDocs('pricelists'))
    .filter((d) => !d.deleted)
    .map((d) => d.doc as unknown as PriceList);
  const products = new Map(existingProducts.map((p) => [p.sku, p]));
  const lists = new Map(existingLists.map((l) => [`${l.name}|${l.currency}`, l]));
  const touchedProducts = new Set<string>();
  const touchedLists = new Set<string>();
  const errors: string[] = [];
  const problems: LineProblem[] = [];

  for (const row of lines) {
    const problem = (en: string, it: string): void => {
      errors.push(`line ${row.line}: ${en}`);
      problems.push({ line: row.line, messages: { en, it } });
    };
    const sku = field(row, 'sku');
    const name = field(row, 'name');
    const vat = field(row, 'vat_rate');
    const vatRate = vat === '' ? 2200 : Math.round(Number(vat.replace(',', '.')) * 100);
    const active = truthy(field(row, 'active'));
    if (sku === '' || sku.length > 64) {
      problem(
        'the SKU is missing or longer than 64 characters',
        'il codice (SKU) manca o supera i 64 caratteri',
      );
      continue;
    }
    if (name === '' || name.length > 200) {
      problem(
        'the name is missing or longer than 200 characters',
        'il nome manca o supera i 200 caratteri',
      );
      continue;
    }
    if (!Number.isInteger(vatRate) || vatRate < 0 || vatRate > 10000) {
      problem(
        `the VAT rate "${vat}" is not a percentage between 0 and 100`,
        `l'aliquota IVA "${vat}" non è una percentuale tra 0 e 100`,
      );
      continue;
    }
    if (active === null) {
      problem(
        `active must be yes or no, not "${field(row, 'active')}"`,
        `active deve essere yes o no, non "${field(row, 'active')}"`,
      );
      continue;
    }
    const before = products.get(sku);
    const product: Product = {
      id: before?.id ?? newId(),
      createdAt: before?.createdAt ?? now,
      ...audit,
      sku,
      name,
      description: field(row, 'description').slice(0, 2000),
      unit: field(row, 'unit').slice(0, 20) || 'pc',
      family: field(row, 'family').slice(0, 100),
      vatRate,
      active,
      searchTerms: searchTermsOf(sku, name, field(row, 'family')),
    };
    products.set(sku, product);
    touchedProducts.add(sku);

    const listName = field(row, 'price_list');
    if (listName === '') continue;
    const currency = field(row, 'currency').toUpperCase() || 'EUR';
    const price = minorUnits(field(row, 'unit_price'));
    if (!/^[A-Z]{3}$/.test(currency)) {
      problem(
        `the currency "${currency}" is not an ISO code such as EUR`,
        `la valuta "${currency}" non è un codice ISO come EUR`,
      );
      continue;
    }
    if (price === null) {
      problem(
        `the unit price "${field(row, 'unit_price')}" is not an amount such as 12.50`,
        `il prezzo unitario "${field(row, 'unit_price')}" non è un importo come 12.50`,
      );
      continue;
    }
    const key = `${listName}|${currency}`;
    const list: PriceList = lists.get(key) ?? {
      id: newId(),
      createdAt: now,
      ...audit,
      name: listName.slice(0, 200),
      currency,
      validFrom: null,
      validTo: null,
      items: [],
    };
    const item = list.items.find((i) => i.productId === product.id);
    const items = item
      ? list.items.map((i) => (i === item ? { ...i, unitPrice: price, unit: product.unit } : i))
      : [
          ...list.items,
          { id: newId(), productId: product.id, unit: product.unit, unitPrice: price },
        ];
    lists.set(key, { ...list, ...audit, items });
    touchedLists.add(key);
  }
  if (errors.length > 0) return { products: 0, priceLists: 0, errors, lines: problems };
  const productDocs = [...touchedProducts].map((s) => products.get(s) as Product);
  const listDocs = [...touchedLists].map((k) => lists.get(k) as PriceList);
  await writeOfficeDocs(storage, 'products', productDocs);
  await writeOfficeDocs(storage, 'pricelists', listDocs);
  return { products: productDocs.length, priceLists: listDocs.length, errors: [], lines: [] };
};
