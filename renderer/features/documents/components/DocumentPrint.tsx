// The PDF of a quote, order or invoice, made on the device: preview it on screen, save it
// (a save dialog in the desktop app, a download in a browser) or print it. It is printed in
// the customer's language, whatever language the app is shown in.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableDocument } from '../../../../shared/documents/print/printable';
import { printFileName } from '../../../../shared/documents/print/printable';
import { documentWords } from '../../../../shared/documents/print/wording';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';
import type { RenderedDocument } from '../pdf/write-pdf';
import { printPreview, renderPrintable, savePdf } from '../print-commands';
import type { PrintSource } from '../queries';
import { usePrintable } from '../queries';
import { DocumentPreview } from './DocumentPreview';

type Rendered = { doc: PrintableDocument; result: RenderedDocument };

export const DocumentPrint = ({
  source,
  extra,
}: {
  source: PrintSource;
  /** More files of the document, next to its PDF (an invoice's e-invoice XML). */
  extra?: ReactNode;
}) => {
  const { t } = useTranslation();
  const printable = usePrintable(source);
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [showPreview, setShowPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  const render = async (doc: PrintableDocument): Promise<RenderedDocument> => {
    if (rendered?.doc === doc) return rendered.result;
    const result = await renderPrintable(doc);
    setRendered({ doc, result });
    return result;
  };

  // An open preview follows the document (a synced edit of the customer, say).
  useEffect(() => {
    if (!showPreview || printable === undefined || rendered?.doc === printable) return;
    let live = true;
    void renderPrintable(printable).then(
      (result) => live && setRendered({ doc: printable, result }),
    );
    return () => {
      live = false;
    };
  }, [showPreview, printable, rendered]);

  const run = async (task: (doc: PrintableDocument) => Promise<void>) => {
    if (printable === undefined) return;
    setBusy(true);
    setMessage(null);
    try {
      await task(printable);
    } catch (thrown) {
      // A TypeError here is a fetch or module load that failed: the browser is offline and
      // had not loaded the PDF files yet.
      setMessage({
        kind: 'error',
        text:
          thrown instanceof TypeError
            ? t('documents.pdfAssetsOffline')
            : t('documents.pdfFailed', { message: (thrown as Error).message }),
      });
    } finally {
      setBusy(false);
    }
  };

  const download = () =>
    run(async (doc) => {
      const saved = await savePdf(doc, await render(doc));
      if (!saved.ok) setMessage({ kind: 'error', text: saved.error });
      else if (saved.value !== null)
        setMessage({ kind: 'info', text: t('documents.fileSaved', { name: saved.value }) });
    });

  const preview = () =>
    run(async (doc) => {
      await render(doc);
      setShowPreview(true);
    });

  const print = () =>
    run(async (doc) => {
      await render(doc);
      setShowPreview(true);
      // Let the preview reach the page before the print dialog snapshots it.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      const printed = await printPreview();
      if (!printed.ok) setMessage({ kind: 'error', text: printed.error });
    });

  const language = printable?.language;
  const pages = rendered !== null && rendered.doc === printable ? rendered.result.pages : null;
  return (
    <section className="panel" aria-labelledby="document-pdf">
      <h2 id="document-pdf">{t('documents.pdf')}</h2>
      <div className="toolbar">
        <Button onClick={() => void download()} disabled={busy || printable === undefined}>
          {t('documents.downloadPdf')}
        </Button>
        {showPreview ? (
          <Button onClick={() => setShowPreview(false)}>{t('documents.hidePreview')}</Button>
        ) : (
          <Button onClick={() => void preview()} disabled={busy || printable === undefined}>
            {t('documents.previewPdf')}
          </Button>
        )}
        <Button onClick={() => void print()} disabled={busy || printable === undefined}>
          {t('documents.print')}
        </Button>
        {extra}
        {language ? (
          <span className="hint">
            {t('documents.pdfLanguage', { language: t(`documents.languages.${language}`) })}
            {printable ? ` · ${printFileName(printable)}` : ''}
          </span>
        ) : null}
      </div>
      {busy ? <p className="hint">{t('documents.pdfPreparing')}</p> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {showPreview && pages !== null && printable !== undefined ? (
        <DocumentPreview
          pages={pages}
          logo={printable.seller.logo}
          label={(n) => documentWords[printable.language].page(n, pages.length)}
        />
      ) : null}
    </section>
  );
};
