// The e-invoice files of an invoice on this device (FatturaPA, and UBL for a foreign
// customer), built from the invoice, its account and the office's reference data.
import { useMemo } from 'react';
import type { Result } from '../../../shared/domain/errors';
import type { Invoice } from '../../../shared/domain/records';
import type { EInvoiceFile } from '../../../shared/documents/export';
import { invoiceExportFiles } from '../../../shared/documents/export';
import { useServices } from '../../app/services';
import { useObservable } from '../../app/use-observable';
import { useCompany } from '../settings/queries';

/** The files to save, or why there are none; undefined while the records load. */
export const useEInvoiceFiles = (
  invoice: Invoice | null | undefined,
): Result<EInvoiceFile[]> | undefined => {
  const { queries } = useServices();
  const company = useCompany();
  const accountId = invoice?.accountId ?? null;
  const account = useObservable(
    useMemo(() => (accountId ? queries.account(accountId) : null), [queries, accountId]),
    undefined,
  );
  const vatRates = useObservable(
    useMemo(() => queries.vatRates(), [queries]),
    undefined,
  );
  return useMemo(() => {
    if (!invoice || company === undefined || vatRates === undefined) return undefined;
    if (accountId && account === undefined) return undefined;
    return invoiceExportFiles({ invoice, account: account ?? null, company, vatRates });
  }, [invoice, company, vatRates, accountId, account]);
};
