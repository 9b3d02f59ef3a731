// In the bench page (Chromium): build one long invoice's e-invoice XML again and again with
// the same pure builders the invoice page uses, timed with performance.now().
import { demoCompany, generateDataset } from '../../shared/dataset';
import { eInvoiceOf } from '../../shared/documents/einvoice';
import { buildFatturaPa } from '../../shared/documents/fatturapa';
import { buildUbl } from '../../shared/documents/ubl';
import { computeTotals } from '../../shared/domain/money';
import { catalogLine } from '../../shared/domain/pricing';
import type { Invoice, Line } from '../../shared/domain/records';

/** A `lines`-line invoice of the demo catalog: mixed rates, some discounts, header discount, freight. */
const longInvoice = (lines: number) => {
  const data = generateDataset({ seed: 5, leads: 0, activities: 0 });
  const list = data.priceLists.find((l) => l.currency === 'EUR');
  const base = data.invoices[0];
  const account = data.accounts.find((a) => a.id === base?.accountId) ?? data.accounts[0];
  if (!list || !base || !account) throw new Error('the demo dataset has no invoice');
  const products = data.products.filter((p) => p.active);
  const built: Line[] = Array.from({ length: lines }, (_, i) => {
    const product = products[i % products.length];
    if (!product) throw new Error('no products');
    const result = catalogLine({
      id: `bench-line-${i}`,
      product,
      priceList: list,
      currency: 'EUR',
      quantity: 1 + (i % 7) * 1.5,
      discount: i % 4 === 0 ? 150 : 0,
    });
    if (!result.ok) throw new Error(result.error.message.en);
    return result.value;
  });
  const headerDiscount = { kind: 'percent', value: 500 } as const;
  const invoice: Invoice = {
    ...base,
    currency: 'EUR',
    lines: built,
    headerDiscount,
    freight: 4_500,
    freightVatRate: 2200,
    totals: computeTotals({ lines: built, headerDiscount, freight: 4_500, freightVatRate: 2200 }),
  };
  return {
    invoice,
    account: { ...account, address: { ...account.address, country: 'IT' } },
    refdata: data.refdata,
  };
};

export const eInvoiceXml = (lines: number, rounds: number) => {
  const { invoice, account, refdata } = longInvoice(lines);
  const fatturaPa: number[] = [];
  const ubl: number[] = [];
  let bytes = 0;
  for (let r = 0; r < rounds; r++) {
    // Mapping from the records is part of the export, so each round starts from them.
    let t0 = performance.now();
    const input = eInvoiceOf({ invoice, account, company: demoCompany, vatRates: refdata });
    if (!input.ok) throw new Error(input.error.message.en);
    const file = buildFatturaPa(input.value);
    if (!file.ok) throw new Error(file.error.message.en);
    fatturaPa.push(performance.now() - t0);
    bytes = file.value.xml.length;
    t0 = performance.now();
    const again = eInvoiceOf({ invoice, account, company: demoCompany, vatRates: refdata });
    if (!again.ok) throw new Error(again.error.message.en);
    const peppol = buildUbl(again.value);
    if (!peppol.ok) throw new Error(peppol.error.message.en);
    ubl.push(performance.now() - t0);
  }
  return { fatturaPa, ubl, bytes };
};
