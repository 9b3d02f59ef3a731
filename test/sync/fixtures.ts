// Valid records for sync tests.
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../shared/domain/ids';
import type { Lead } from '../../shared/domain/records';

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
  ...patch,
});
