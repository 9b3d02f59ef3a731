import { describe, expect, it } from 'vitest';
import { totalsEqual, computeTotals } from '../domain/money';
import { recordSchemas } from '../domain/records';
import { generateEInvoiceSamples } from './einvoices';

describe('e-invoice samples', () => {
  it('are deterministic, schema-valid and consistent, with zero-rated and foreign ones', () => {
    const a = generateEInvoiceSamples(11, 60);
    expect(generateEInvoiceSamples(11, 60)).toEqual(a);
    expect(generateEInvoiceSamples(12, 60)).not.toEqual(a);
    for (const account of a.accounts) recordSchemas.account.parse(account);
    for (const invoice of a.invoices) {
      recordSchemas.invoice.parse(invoice);
      expect(a.accounts.some((acc) => acc.id === invoice.accountId)).toBe(true);
      expect(totalsEqual(invoice.totals, computeTotals(invoice))).toBe(true);
    }
    expect(new Set(a.invoices.map((i) => i.number)).size).toBe(60);
    expect(a.invoices.some((i) => i.lines.some((l) => l.vatRate === 0))).toBe(true);
    expect(a.accounts.some((acc) => acc.address.country !== 'IT')).toBe(true);
  });
});
