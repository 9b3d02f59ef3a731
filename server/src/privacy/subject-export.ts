// Subject access and portability (GDPR Art. 15 and 20): every record about a person, as
// JSON (the records as the office holds them) or CSV (one row per field, so any spreadsheet
// opens it whatever the record type).
import type {
  Activity,
  AnyRecord,
  Invoice,
  Opportunity,
  Order,
  Quote,
} from '../../../shared/domain/records';
import type { SyncCollection } from '../../../shared/sync/protocol';
import type { Storage } from '../storage/types';
import type { PersonQuery } from './person';
import { findPerson, followLinks, mentionPattern, mentions } from './person';

export type SubjectExport = {
  format: 'fairlead-subject-export';
  exportedAt: string;
  query: PersonQuery;
  records: Partial<Record<SyncCollection, AnyRecord[]>>;
};

export const subjectExportFormats = ['json', 'csv'] as const;
export type SubjectExportFormat = (typeof subjectExportFormats)[number];

const live = async <T>(storage: Storage, collection: SyncCollection): Promise<T[]> =>
  (await storage.allDocs(collection)).filter((d) => !d.deleted).map((d) => d.doc as unknown as T);

export const collectSubjectRecords = async (
  storage: Storage,
  query: PersonQuery,
  now = new Date(),
): Promise<SubjectExport> => {
  const person = await findPerson(storage, query);
  const everywhere = mentionPattern(person.needles, false);
  const nearby = mentionPattern(person.needles, true);
  const people = new Set([...person.leads, ...person.contacts].map((record) => record.id));
  const linked = new Set(
    [...person.leads, ...person.contacts, ...person.accounts].map((record) => record.id),
  );
  const opportunityList = await live<Opportunity>(storage, 'opportunities');
  const quoteList = await live<Quote>(storage, 'quotes');
  const orderList = await live<Order>(storage, 'orders');
  const invoiceList = await live<Invoice>(storage, 'invoices');
  for (const list of [opportunityList, quoteList, orderList, invoiceList])
    followLinks(linked, list);
  // A document of the person's company is about them when it names them (or their contact
  // is on it); elsewhere only their email or phone makes a record theirs.
  const about = (record: AnyRecord, near: boolean): boolean =>
    mentions(near ? nearby : everywhere, JSON.stringify(record));
  const onIt = (r: { contactId?: string | null }) =>
    r.contactId !== undefined && r.contactId !== null && people.has(r.contactId);
  const activities = (await live<Activity>(storage, 'activities')).filter(
    (a) => people.has(a.regardingId) || about(a, linked.has(a.regardingId)),
  );
  const opportunities = opportunityList.filter(
    (o) =>
      onIt(o) ||
      (o.originatingLeadId !== null && people.has(o.originatingLeadId)) ||
      about(o, linked.has(o.id)),
  );
  const quotes = quoteList.filter((q) => onIt(q) || about(q, linked.has(q.id)));
  const orders = orderList.filter((o) => about(o, linked.has(o.id)));
  const invoices = invoiceList.filter((i) => about(i, linked.has(i.id)));
  const records: SubjectExport['records'] = {
    leads: person.leads,
    contacts: person.contacts,
    accounts: person.accounts,
    activities,
    opportunities,
    quotes,
    orders,
    invoices,
  };
  return {
    format: 'fairlead-subject-export',
    exportedAt: now.toISOString(),
    query,
    records: Object.fromEntries(Object.entries(records).filter(([, list]) => list.length > 0)),
  };
};

// A cell a spreadsheet would run as a formula is prefixed with an apostrophe; phone numbers
// (+39 …) and negative amounts stay as they are.
const formula = /^(=|@|\t|\r|[+-][^\d\s])/;
const csvCell = (raw: string): string => {
  const value = formula.test(raw) ? `'${raw}` : raw;
  return /[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

/** Every leaf of a record as `path = value` (lines.0.name, address.city…). */
const leaves = (value: unknown, path: string, out: [string, string][]): void => {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (entries.length === 0) out.push([path, Array.isArray(value) ? '[]' : '{}']);
    for (const [key, v] of entries) leaves(v, path === '' ? key : `${path}.${key}`, out);
  } else out.push([path, value === null ? '' : String(value)]);
};

/** CSV with a header: collection, id, field, value. */
export const subjectExportCsv = (data: SubjectExport): string => {
  const rows: string[] = ['collection,id,field,value'];
  for (const [collection, records] of Object.entries(data.records)) {
    for (const record of records ?? []) {
      const fields: [string, string][] = [];
      leaves(record, '', fields);
      for (const [field, value] of fields)
        rows.push([collection, record.id, field, value].map(csvCell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
};

export const renderSubjectExport = (data: SubjectExport, format: SubjectExportFormat): string =>
  format === 'csv' ? subjectExportCsv(data) : `${JSON.stringify(data, null, 2)}\n`;

export const countRecords = (data: SubjectExport): number =>
  Object.values(data.records).reduce((sum, list) => sum + (list?.length ?? 0), 0);
