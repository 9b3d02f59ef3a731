// The invoice PDF in the bench page, made as the app makes it: shared layout, font subsets
// and pdf-lib, timed per render.
import { samplePrintable } from '../../renderer/features/documents/pdf/print-fixtures';
import { renderDocumentPdf } from '../../renderer/features/documents/pdf/write-pdf';

const fromBase64 = (text: string): Uint8Array =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export const renderInvoicePdf = async (
  fonts: { regular: string; bold: string },
  lines: number,
  rounds: number,
) => {
  const bytes = { regular: fromBase64(fonts.regular), bold: fromBase64(fonts.bold) };
  const doc = samplePrintable('invoice', { lines });
  const samples: number[] = [];
  let last = { bytes: 0, pages: 0 };
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const rendered = await renderDocumentPdf(doc, bytes);
    samples.push(performance.now() - started);
    last = { bytes: rendered.bytes.length, pages: rendered.pages.length };
  }
  return { samples, ...last };
};
