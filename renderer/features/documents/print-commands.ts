// Rendering a document to PDF on the device and handing it to the platform: a save dialog in
// Electron, a download in a browser; printing goes through the platform too.
import type { PrintableDocument } from '../../../shared/documents/print/printable';
import { printFileName } from '../../../shared/documents/print/printable';
import { getPlatform } from '../../platform';
import { loadDocumentFonts } from './pdf/fonts';
import type { RenderedDocument } from './pdf/write-pdf';

// The PDF library is loaded on first use: it is a large part of the bundle and most sessions
// print nothing.
export const renderPrintable = async (doc: PrintableDocument): Promise<RenderedDocument> => {
  const [{ renderDocumentPdf }, fonts] = await Promise.all([
    import('./pdf/write-pdf'),
    loadDocumentFonts(),
  ]);
  return renderDocumentPdf(doc, fonts);
};

/**
 * Loads the PDF library and fonts ahead of need: in a browser (no service worker) they can
 * only be fetched while online, and a seller may print hours later with no network.
 */
export const warmUpPrinting = (): Promise<void> =>
  Promise.all([import('./pdf/write-pdf'), loadDocumentFonts()]).then(() => undefined);

export const savePdf = (doc: PrintableDocument, rendered: RenderedDocument) =>
  getPlatform().saveFile({
    suggestedName: printFileName(doc),
    kind: 'pdf',
    content: rendered.bytes,
  });

/** Saves an e-invoice (FatturaPA or UBL XML) under its own file name (SdI's for FatturaPA). */
export const saveXml = (fileName: string, xml: string) =>
  getPlatform().saveFile({ suggestedName: fileName, kind: 'xml', content: xml });

/** Prints the window; the print style sheet shows only the document preview. */
export const printPreview = async () => {
  document.documentElement.classList.add('printing-document');
  try {
    return await getPlatform().print();
  } finally {
    document.documentElement.classList.remove('printing-document');
  }
};
