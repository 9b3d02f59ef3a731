// What the invoice page exports: the FatturaPA file every Italian invoice and credit note is
// sent to SdI as (foreign customers included, with XXXXXXX), and for a foreign customer the
// EN 16931 UBL document their own system reads.
import type { Company } from '../domain/company';
import type { Result } from '../domain/errors';
import { fail, ok } from '../domain/errors';
import type { Account, Invoice, Refdata } from '../domain/records';
import type { EInvoiceRecords } from './einvoice';
import { eInvoiceOf } from './einvoice';
import { buildFatturaPa } from './fatturapa';
import { buildUbl } from './ubl';

export type EInvoiceFile = {
  format: 'fatturapa' | 'ubl';
  fileName: string;
  mimeType: 'application/xml';
  xml: string;
};

export const eInvoiceFiles = (
  records: EInvoiceRecords,
  options: { progressivo?: string } = {},
): Result<EInvoiceFile[]> => {
  const input = eInvoiceOf(records);
  if (!input.ok) return input;
  const fatturaPa = buildFatturaPa(input.value, options);
  if (!fatturaPa.ok) return fatturaPa;
  const files: EInvoiceFile[] = [
    {
      format: 'fatturapa',
      fileName: fatturaPa.value.fileName,
      mimeType: 'application/xml',
      xml: fatturaPa.value.xml,
    },
  ];
  if (input.value.buyer.address.country !== 'IT') {
    const ubl = buildUbl(input.value);
    if (!ubl.ok) return ubl;
    files.push({
      format: 'ubl',
      fileName: ubl.value.fileName,
      mimeType: 'application/xml',
      xml: ubl.value.xml,
    });
  }
  return ok(files);
};

/** The export files of an invoice as the device has it: its account or the company may be missing. */
export const invoiceExportFiles = (records: {
  invoice: Invoice;
  account: Account | null;
  company: Company | null;
  vatRates: readonly Refdata[];
}): Result<EInvoiceFile[]> => {
  const { account, company } = records;
  if (company === null)
    return fail(
      'einvoice.company_missing',
      "The office's legal identity is not set yet, so no e-invoice can name the seller. Ask the office to set it (npm run admin -- company set).",
      "L'identità legale dell'ufficio non è ancora impostata, quindi nessuna fattura elettronica può indicare il venditore. Chiedi all'ufficio di impostarla (npm run admin -- company set).",
      'company',
    );
  if (account === null)
    return fail(
      'einvoice.account_missing',
      'The invoice has no customer account on this device: link one or sync first.',
      "La fattura non ha un'azienda cliente su questo dispositivo: collegane una o sincronizza prima.",
      'accountId',
    );
  return eInvoiceFiles({ ...records, account, company });
};
