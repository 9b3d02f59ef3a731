// Documents written before a record gained fields (accounts: shipping address and document
// language; invoices: document type, corrected invoice, payments, credits; orders and
// invoices: the customer's reference; opportunities: the forecast category; leads: the trade
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
  ...(missing(doc, 'customerReference') ? { customerReference: '' } : {}),
});

// No category picked: the opportunity follows its stage and probability (forecast.ts).
const upgradeOpportunity = (doc: Doc): Doc =>
  missing(doc, 'forecastCategory') ? { ...doc, forecastCategory: null } : doc;

const upgradeLead = (doc: Doc): Doc => ({
  ...doc,
  ...(missing(doc, 'tradeFairId') ? { tradeFairId: null } : {}),
  ...(missing(doc, 'fairAnswers') ? { fairAnswers: [] } : {}),
});

const upgradeOrder = (doc: Doc): Doc =>
  missing(doc, 'customerReference') ? { ...doc, customerReference: '' } : doc;

const upgrades: Partial<
  Record<RecordType, { lacks: (doc: Doc) => boolean; upgrade: (doc: Doc) => Doc }>
> = {
  account: {
    lacks: (doc) => missing(doc, 'shippingAddress') || missing(doc, 'documentLanguage'),
    upgrade: upgradeAccount,
  },
  invoice: {
    lacks: (doc) => missing(doc, 'documentType') || missing(doc, 'customerReference'),
    upgrade: upgradeInvoice,
  },
  order: { lacks: (doc) => missing(doc, 'customerReference'), upgrade: upgradeOrder },
  lead: {
    lacks: (doc) => missing(doc, 'tradeFairId') || missing(doc, 'fairAnswers'),
    upgrade: upgradeLead,
  },
  opportunity: { lacks: (doc) => missing(doc, 'forecastCategory'), upgrade: upgradeOpportunity },
};

/** Whether a document lacks fields its record type has gained since it was written. */
export const needsUpgrade = (type: RecordType, doc: unknown): boolean =>
  typeof doc === 'object' && doc !== null && upgrades[type]?.lacks(doc as Doc) === true;

/** The document with the defaults of fields added since it was written; others unchanged. */
export const upgradeRecord = <T>(type: RecordType, doc: T): T => {
  const step = upgrades[type];
  if (step === undefined || !needsUpgrade(type, doc)) return doc;
  return step.upgrade(doc as Doc) as T;
};
