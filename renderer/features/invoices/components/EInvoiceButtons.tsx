// The invoice's e-invoices next to its PDF: the FatturaPA XML sent to SdI (named as SdI
// wants, IT<vat>_<progressive>.xml) and, for a foreign customer, the Peppol UBL XML.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../../shared/domain/records';
import { errorText } from '../../../app/use-action';
import { Button } from '../../../ui/Button';
import { saveXml } from '../../documents/print-commands';
import { useEInvoiceFiles } from '../e-invoice';

export const EInvoiceButtons = ({ invoice }: { invoice: Invoice }) => {
  const { t, i18n } = useTranslation();
  const files = useEInvoiceFiles(invoice);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (files === undefined) return null;
  if (!files.ok) {
    return (
      <span className="hint" data-testid="einvoice-unavailable">
        {errorText(files.error, i18n.language)}
      </span>
    );
  }
  const save = async (fileName: string, xml: string) => {
    const saved = await saveXml(fileName, xml);
    setOutcome(
      saved.ok
        ? saved.value === null
          ? null
          : t('documents.fileSaved', { name: saved.value })
        : saved.error,
    );
  };
  return (
    <>
      {files.value.map((file) => (
        <Button key={file.format} onClick={() => void save(file.fileName, file.xml)}>
          {t(file.format === 'fatturapa' ? 'documents.downloadFatturaPa' : 'documents.downloadUbl')}
        </Button>
      ))}
      {outcome ? (
        <span className="hint" role="status">
          {outcome}
        </span>
      ) : null}
    </>
  );
};
