// What the rejected-changes panel says about a refused change, in the UI's language, and
// where the seller corrects it.
import type { TFunction } from 'i18next';
import type { RegardingType } from '../../../shared/domain/records';
import type { SyncCollection } from '../../../shared/sync/protocol';
import type { Section } from '../../app/router';
import type { RejectedChange } from '../../data/sync/rejected';
import { localizedText } from '../../i18n/localized';

/**
 * The server's reason in the UI's language. Refusals kept before the server sent both
 * languages have English only: the Italian UI then says what the code means, and only a
 * code it does not know falls back to the server's English words.
 */
export const rejectionText = (
  change: Pick<RejectedChange, 'code' | 'message' | 'messages'>,
  language: string,
  t: TFunction,
): string => {
  if (change.messages !== undefined) return localizedText(change.messages, language);
  if (!language.startsWith('it')) return change.message;
  return t(`sync.rejectionCodes.${change.code}`, { defaultValue: change.message });
};

// Record fields the forms label with a common word: the panel names them as the form does.
const labelledFields: Record<string, string> = {
  firstName: 'common.firstName',
  lastName: 'common.lastName',
  company: 'common.company',
  email: 'common.email',
  phone: 'common.phone',
  mobile: 'common.mobile',
  website: 'common.website',
  jobTitle: 'common.jobTitle',
  vatNumber: 'common.vatNumber',
  name: 'common.name',
  number: 'common.number',
  state: 'common.state',
  status: 'common.status',
  ownerId: 'common.owner',
};

/** "Field to correct: Last name", when the server named a field the forms show. */
export const fieldToCorrect = (field: string | undefined, t: TFunction): string | null => {
  const key = field === undefined ? undefined : labelledFields[field];
  return key === undefined ? null : t('sync.fieldToCorrect', { field: t(key) });
};

const sectionOfCollection: Partial<Record<SyncCollection, Section>> = {
  leads: 'leads',
  accounts: 'accounts',
  contacts: 'contacts',
  opportunities: 'opportunities',
  quotes: 'quotes',
  orders: 'orders',
  invoices: 'invoices',
};

const sectionOfRegarding: Record<RegardingType, Section> = {
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  quote: 'quotes',
  order: 'orders',
  invoice: 'invoices',
};

/**
 * The screen where the refused record is corrected in its normal form: its own detail
 * page, or for a timeline entry the record it is about. Null when the app has none.
 */
export const correctionPlace = (
  change: Pick<RejectedChange, 'collection' | 'id' | 'document'>,
): { section: Section; id: string } | null => {
  if (change.collection === 'activities') {
    const type = change.document.regardingType;
    const id = change.document.regardingId;
    if (typeof type !== 'string' || typeof id !== 'string' || id === '') return null;
    const section = sectionOfRegarding[type as RegardingType] as Section | undefined;
    return section === undefined ? null : { section, id };
  }
  const section = sectionOfCollection[change.collection];
  return section === undefined ? null : { section, id: change.id };
};
