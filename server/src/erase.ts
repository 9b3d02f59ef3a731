// GDPR erasure of a person (a lead or contact, found by email): personal fields are purged
// and the record becomes a tombstone, so every device deletes its copy on the next pull.
// Activities about the person are purged the same way.
import type { Activity, Contact, Lead } from '../../shared/domain/records';
import { OFFICE_OWNER_ID, OfficeError, writeOfficeDocs } from './office';
import type { Storage } from './storage/types';

export type ErasureReport = { leads: number; contacts: number; activities: number };

const purged = (now: string) => ({ updatedAt: now, updatedBy: OFFICE_OWNER_ID });

const purgeLead = (l: Lead, now: string): Lead => ({
  ...l,
  ...purged(now),
  topic: '',
  firstName: '',
  lastName: '',
  company: '',
  jobTitle: '',
  email: '',
  phone: '',
  mobile: '',
  website: '',
  address: {},
  vatNumber: '',
  sourceDetail: '',
  need: '',
  notes: '',
  budget: null,
  consent: { given: false, at: null, how: null, wording: null },
  searchTerms: [],
});

const purgeContact = (c: Contact, now: string): Contact => ({
  ...c,
  ...purged(now),
  firstName: '',
  lastName: '',
  jobTitle: '',
  email: '',
  phone: '',
  mobile: '',
  searchTerms: [],
});

const purgeActivity = (a: Activity, now: string): Activity => ({
  ...a,
  ...purged(now),
  subject: '',
  body: '',
  data: null,
});

export const erasePerson = async (storage: Storage, email: string): Promise<ErasureReport> => {
  const wanted = email.trim().toLowerCase();
  if (wanted === '') throw new OfficeError('Give the email of the person to erase.');
  const now = new Date().toISOString();
  const matches = <T>(docs: { doc: unknown; deleted: boolean }[]): T[] =>
    docs
      .map((d) => d.doc as T & { email?: unknown })
      .filter((d) => typeof d.email === 'string' && d.email.trim().toLowerCase() === wanted);
  const leads = matches<Lead>(await storage.allDocs('leads'));
  const contacts = matches<Contact>(await storage.allDocs('contacts'));
  if (leads.length + contacts.length === 0)
    throw new OfficeError(`No lead or contact has the email ${email}.`);
  const people = new Set([...leads, ...contacts].map((p) => p.id));
  const activities = (await storage.allDocs('activities'))
    .map((d) => d.doc as unknown as Activity)
    .filter((a) => people.has(a.regardingId));
  await writeOfficeDocs(
    storage,
    'leads',
    leads.map((l) => purgeLead(l, now)),
    true,
  );
  await writeOfficeDocs(
    storage,
    'contacts',
    contacts.map((c) => purgeContact(c, now)),
    true,
  );
  await writeOfficeDocs(
    storage,
    'activities',
    activities.map((a) => purgeActivity(a, now)),
    true,
  );
  return { leads: leads.length, contacts: contacts.length, activities: activities.length };
};
