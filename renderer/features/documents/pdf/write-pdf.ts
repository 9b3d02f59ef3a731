// Draws a laid-out document into a PDF with pdf-lib (the maintained @cantoo fork): Noto Sans
// embedded as a subset through fontkit, so accented and non-Latin names print, and nothing is
// fetched from a network. The layout itself is shared/documents/print/layout.ts.
import fontkit from '@cantoo/fontkit';
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import type { PDFFont, PDFImage } from '@cantoo/pdf-lib';
import type { LaidOutPage } from '../../../../shared/documents/print/layout';
import { layoutDocument } from '../../../../shared/documents/print/layout';
import type { PrintableDocument } from '../../../../shared/documents/print/printable';
import { documentWords } from '../../../../shared/documents/print/wording';

/** The TrueType fonts the PDF embeds (regular and bold). */
export type PdfFonts = { regular: Uint8Array; bold: Uint8Array };

export type RenderedDocument = { bytes: Uint8Array; pages: LaidOutPage[] };

const ink = rgb(0.1, 0.12, 0.15);
const muted = rgb(0.38, 0.41, 0.45);
const band = rgb(0.93, 0.94, 0.96);

const logoBytes = (dataUrl: string): { bytes: Uint8Array; png: boolean } => {
  const [head = '', body = ''] = dataUrl.split(',', 2);
  const binary = atob(body.replace(/\s/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { bytes, png: head.includes('image/png') };
};

const embedLogo = async (pdf: PDFDocument, logo: string | null): Promise<PDFImage | null> => {
  if (logo === null) return null;
  try {
    const { bytes, png } = logoBytes(logo);
    return png ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
  } catch {
    // An unreadable logo must not stop the document: it prints without one.
    return null;
  }
};

/**
 * Text width as the PDF shows it: the sum of the glyphs' advance widths (the content stream
 * places glyphs by their widths, with no kerning), each looked up once. Measuring whole
 * strings through the shaper costs about a millisecond a call.
 */
const glyphMeasure = (regular: PDFFont, bold: PDFFont) => {
  const widths = new Map<string, number>();
  return (text: string, size: number, isBold: boolean): number => {
    const font = isBold ? bold : regular;
    let total = 0;
    for (const char of text) {
      const key = isBold ? `b${char}` : char;
      let width = widths.get(key);
      if (width === undefined) {
        width = font.widthOfTextAtSize(char, 1000) / 1000;
        widths.set(key, width);
      }
      total += width;
    }
    return total * size;
  };
};

export const renderDocumentPdf = async (
  doc: PrintableDocument,
  fonts: PdfFonts,
): Promise<RenderedDocument> => {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const fontOf = (isBold: boolean): PDFFont => (isBold ? bold : regular);
  const logo = await embedLogo(pdf, doc.seller.logo);
  const pages = layoutDocument(doc, {
    measure: glyphMeasure(regular, bold),
    logoSize: logo === null ? null : { width: logo.width, height: logo.height },
  });
  for (const laid of pages) {
    const page = pdf.addPage([laid.width, laid.height]);
    const flip = (y: number) => laid.height - y;
    for (const item of laid.items) {
      if (item.kind === 'text') {
        page.drawText(item.text, {
          x: item.x,
          y: flip(item.y),
          size: item.size,
          font: fontOf(item.bold),
          color: item.muted ? muted : ink,
        });
      } else if (item.kind === 'rule') {
        page.drawLine({
          start: { x: item.x, y: flip(item.y) },
          end: { x: item.x + item.width, y: flip(item.y) },
          thickness: item.weight,
          color: muted,
        });
      } else if (item.kind === 'band') {
        page.drawRectangle({
          x: item.x,
          y: flip(item.y + item.height),
          width: item.width,
          height: item.height,
          color: band,
        });
      } else if (logo !== null) {
        page.drawImage(logo, {
          x: item.x,
          y: flip(item.y + item.height),
          width: item.width,
          height: item.height,
        });
      }
    }
  }
  const title = `${documentWords[doc.language].title[doc.kind]} ${doc.number}`;
  pdf.setTitle(title);
  pdf.setAuthor(doc.seller.name || 'Fairlead');
  pdf.setSubject(doc.buyer?.name ?? title);
  pdf.setCreator('Fairlead');
  pdf.setProducer('Fairlead');
  pdf.setLanguage(doc.language === 'it' ? 'it-IT' : 'en-GB');
  // A fixed date would hide when the copy was made; the document's own date is in the text.
  pdf.setCreationDate(new Date());
  return { bytes: await pdf.save(), pages };
};
