// What the invoice page exports: the FatturaPA file every Italian invoice and credit note is
// sent to SdI as (foreign customers included, with XXXXXXX), and for a foreign customer the
// EN 16931 UBL document their own system reads.
import type { Result } from '../domain/errors';
import { ok } from '../domain/errors';
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
