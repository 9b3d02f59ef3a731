// Valid records for sync tests.
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../shared/domain/ids';
import type { Invoice, Lead } from '../../shared/domain/records';
import { datasetSizes, generateDataset } from '../../shared/dataset';

export const newId = (): string => uuidv7(Date.now(), randomBytes(10));

export const at = (minute: number): string =>
  new Date(Date.UTC(2026, 2, 10, 9, minute)).toISOString();

export const newLead = (ownerId: string, patch: Partial<Lead> = {}): Lead => ({
  id: newId(),
  ownerId,
  createdAt: at(0),
  updatedAt: at(0),
  updatedBy: ownerId,
  topic: 'Cranes for the new plant',
  firstName: 'Anna',
  lastName: 'Rossi',
  company: 'Rossi Sollevamenti Srl',
  jobTitle: 'Buyer',
  email: 'anna@rossi.example',
  phone: '',
  mobile: '',
  website: '',
  address: { city: 'Milano', country: 'IT' },
  vatNumber: '',
  source: 'trade_fair',
  sourceDetail: 'EIMA 2026',
  rating: 'warm',
  budget: null,
  budgetCurrency: 'EUR',
  purchaseTimeframe: 'unknown',
  decisionMaker: null,
  need: '',
  consent: { given: false, at: null, how: null, wording: null },
  notes: '',
  state: 'open',
  status: 'new',
  searchTerms: ['anna', 'rossi'],
  qualifiedAccountId: null,
  qualifiedContactId: null,
  qualifiedOpportunityId: null,
  tradeFairId: null,
  fairAnswers: [],
  ...patch,
});

let invoiceTemplate: Invoice | undefined;

/** A valid active invoice owned by `ownerId`; the device gives it its number. */
export const newInvoice = (ownerId: string, minute = 0): Omit<Invoice, 'number'> => {
  invoiceTemplate ??= generateDataset({ seed: 7, ...datasetSizes.demo }).invoices.find(
    (i) => i.state === 'active',
  );
  if (invoiceTemplate === undefined) throw new Error('the demo dataset has no active invoice');
  const { number: _number, ...rest } = invoiceTemplate;
  return {
    ...rest,
    id: newId(),
    ownerId,
    createdAt: at(minute),
    updatedAt: at(minute),
    updatedBy: ownerId,
    // The number's year is the issue date's (numbering follows the date it is issued).
    issueDate: at(minute).slice(0, 10),
    dueDate: '2026-04-09',
  };
};
