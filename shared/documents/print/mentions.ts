// The legal mentions an Italian seller prints on an invoice (art. 21 D.P.R. 633/1972): the PDF
// is a courtesy copy of the e-invoice sent through SdI; zero-rate bases say why no VAT is
// charged; exempt or export bases over €77.47 carry the virtual stamp duty.
import type { PrintableDocument } from './printable';
import { documentWords } from './wording';

const EU = new Set(
  'AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

/** Stamp duty applies above this amount of VAT-free base (minor units of EUR). */
export const STAMP_DUTY_THRESHOLD = 7747;

export const invoiceMentions = (doc: PrintableDocument): string[] => {
  if (doc.kind !== 'invoice' && doc.kind !== 'creditNote') return [];
  const words = documentWords[doc.language];
  const mentions = [words.courtesyCopy];
  const zeroBase = doc.totals.vat.filter((v) => v.rate === 0).reduce((s, v) => s + v.base, 0);
  if (zeroBase !== 0) {
    const country = (doc.buyer?.address.country ?? '').toUpperCase();
    const euBusiness = EU.has(country) && (doc.buyer?.vatNumber ?? '') !== '';
    const foreign = country !== '' && country !== 'IT';
    mentions.push(
      euBusiness ? words.reverseCharge : foreign ? words.exportNotTaxable : words.zeroRated,
    );
    // Intra-EU reverse charge operations are outside the stamp duty; the others are not.
    if (!euBusiness && doc.currency === 'EUR' && zeroBase > STAMP_DUTY_THRESHOLD) {
      mentions.push(words.stampDuty);
    }
  }
  return mentions;
};
