// Overdue invoices: issued invoices (not credit notes) still owed after their due date, with
// what is owed in the invoice's currency and in the base currency.
import type { ExchangeRates } from '../domain/exchange';
import { convertToBase } from '../domain/exchange';
import { openBalance } from '../domain/invoice-balance';
import type { Invoice } from '../domain/records';
import { sortedMissing } from './base-sum';

export type OverdueRow = {
  id: string;
  number: string;
  ownerId: string;
  accountId: string | null;
  dueDate: string;
  /** Whole days since the due date. */
  daysOverdue: number;
  /** Still owed, minor units of `currency`. */
  balance: number;
  currency: string;
  /** Still owed in the base currency; null without an exchange rate. */
  balanceInBase: number | null;
};

const DAY_MS = 86_400_000;

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Invoices due before `today` (YYYY-MM-DD) with something owed, the oldest first. */
export const overdueInvoices = (
  invoices: readonly Invoice[],
  today: string,
  rates: ExchangeRates,
): { currency: string; rows: OverdueRow[]; total: number; missingRates: string[] } => {
  const missing = new Set<string>();
  const rows: OverdueRow[] = [];
  for (const invoice of invoices) {
    if (invoice.documentType !== 'invoice' || invoice.state !== 'active') continue;
    if (invoice.dueDate >= today) continue;
    const balance = openBalance(invoice);
    if (balance <= 0) continue;
    const converted = convertToBase(balance, invoice.currency, rates);
    if (!converted.ok) missing.add(invoice.currency);
    rows.push({
      id: invoice.id,
      number: invoice.number,
      ownerId: invoice.ownerId,
      accountId: invoice.accountId,
      dueDate: invoice.dueDate,
      daysOverdue: daysBetween(invoice.dueDate, today),
      balance,
      currency: invoice.currency,
      balanceInBase: converted.ok ? converted.value : null,
    });
  }
  rows.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.number < b.number ? -1 : 1));
  const total = rows.reduce((sum, r) => sum + (r.balanceInBase ?? 0), 0);
  return { currency: rates.base, rows, total, missingRates: sortedMissing(missing) };
};
