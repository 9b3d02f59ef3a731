// Documents written before a record gained fields (accounts: shipping address and document
// language; invoices: document type, corrected invoice, payments, credits; leads: the trade
// fair and its answers) are read as if
// they had the defaults. The device's schema migration, the pull of older documents and the
// server's change check all use this, so older devices' pushes are still accepted.
import { defaultDocumentLanguage } from './account';
import type { Address, RecordType } from './records';

type Doc = Record<string, unknown>;

const missing = (doc: Doc, field: string): boolean => doc[field] === undefined;

const upgradeAccount = (doc: Doc): Doc => ({
  ...doc,
  ...(missing(doc, 'shippingAddress') ? { shippingAddress: {} } : {}),
  ...(missing(doc, 'documentLanguage')
    ? { documentLanguage: defaultDocumentLanguage(doc.address as Address | undefined) }
    : {}),
});

const upgradeInvoice = (doc: Doc): Doc => ({
  ...doc,
  ...(missing(doc, 'documentType') ? { documentType: 'invoice' } : {}),
  ...(missing(doc, 'correctedInvoiceId') ? { correctedInvoiceId: null } : {}),
  ...(missing(doc, 'correctedInvoiceNumber') ? { correctedInvoiceNumber: null } : {}),
  ...(missing(doc, 'correctedInvoiceDate') ? { correctedInvoiceDate: null } : {}),
  ...(missing(doc, 'payments') ? { payments: [] } : {}),
  ...(missing(doc, 'credits') ? { credits: [] } : {}),
});

const upgradeLead = (doc: Doc): Doc => ({
  ...doc,
  ...(missing(doc, 'tradeFairId') ? { tradeFairId: null } : {}),
  ...(missing(doc, 'fairAnswers') ? { fairAnswers: [] } : {}),
});

/** Whether a document lacks fields its record type has gained since it was written. */
export const needsUpgrade = (type: RecordType, doc: unknown): boolean =>
  typeof doc === 'object' &&
  doc !== null &&
  ((type === 'account' &&
    (missing(doc as Doc, 'shippingAddress') || missing(doc as Doc, 'documentLanguage'))) ||
    (type === 'invoice' && missing(doc as Doc, 'documentType')) ||
    (type === 'lead' &&
      (missing(doc as Doc, 'tradeFairId') || missing(doc as Doc, 'fairAnswers'))));

/** The document with the defaults of fields added since it was written; others unchanged. */
export const upgradeRecord = <T>(type: RecordType, doc: T): T => {
  if (!needsUpgrade(type, doc)) return doc;
  const d = doc as Doc;
  if (type === 'lead') return upgradeLead(d) as T;
  return (type === 'account' ? upgradeAccount(d) : upgradeInvoice(d)) as T;
};
