// Invoices made to stress e-invoice export: the dataset's catalog, accounts and invoice
// rules (a third of the customers abroad), zero-rated exports and intra-EU supplies,
// exempt lines beside taxed ones, header discounts and freight. Deterministic for a seed.
import type { Account, Invoice, Line } from '../domain/records';
import { computeTotals } from '../domain/money';
import { formatDocumentNumber } from '../domain/numbering';
import { writeInLine } from '../domain/pricing';
import { generateCatalog } from './catalog';
import { DEFAULT_NOW, newId, parseNow } from './common';
import { generateAccount } from './companies';
import { generateInvoice } from './documents';
import { indexCatalog } from './lines';
import { createRng } from './prng';

export type EInvoiceSamples = { accounts: Account[]; invoices: Invoice[] };

const zeroRated = (line: Line): Line => ({ ...line, vatRate: 0 });

/** An exempt write-in line (training financed under art. 10), VAT 0. */
const exemptLine = (id: string, unitPrice: number): Line => {
  const result = writeInLine({
    id,
    name: 'Corso di formazione sicurezza (esente art. 10 DPR 633/72)',
    unitPrice,
    quantity: 1,
    discount: 0,
    vatRate: 0,
    unit: 'pz',
  });
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
};

export const generateEInvoiceSamples = (
  seed: number,
  count: number,
  now: string = DEFAULT_NOW,
): EInvoiceSamples => {
  const nowMs = parseNow(now);
  const rng = createRng(seed, 'einvoices');
  const { products, priceLists } = generateCatalog(createRng(seed, 'catalog'), 'office', nowMs);
  const catalog = indexCatalog(products, priceLists);
  const accounts: Account[] = [];
  const invoices: Invoice[] = [];
  const seq = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const account = generateAccount(rng, 'seller', nowMs);
    accounts.push(account);
    const base = generateInvoice(rng, { kind: 'direct', account, catalog }, nowMs);
    let lines = base.lines;
    let freightVatRate = base.freightVatRate;
    const foreign = account.address.country !== 'IT';
    if (foreign && rng.chance(0.7)) {
      // Exports and intra-EU supplies carry no Italian VAT, freight included.
      lines = lines.map(zeroRated);
      freightVatRate = 0;
    } else if (rng.chance(0.25)) {
      lines = [...lines, exemptLine(newId(rng, nowMs), rng.int(3, 40) * 5000)];
    }
    const totals = computeTotals({
      lines,
      headerDiscount: base.headerDiscount,
      freight: base.freight,
      freightVatRate,
    });
    const year = Number(base.issueDate.slice(0, 4));
    const series = `EX${String(i % 4).padStart(2, '0')}`;
    const n = (seq.get(`${series}${year}`) ?? 0) + 1;
    seq.set(`${series}${year}`, n);
    invoices.push({
      ...base,
      number: formatDocumentNumber('invoice', series, n, year),
      lines,
      freightVatRate,
      totals,
    });
  }
  return { accounts, invoices };
};
