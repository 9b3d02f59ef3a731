// Lead import and export for the leads screen: files come through the Platform (the desktop's
// open/save dialogs, or the browser's file picker and download), rows go to the store in bulk.
import type { PlatformResult } from '../../../shared/platform';
import type { Lead } from '../../../shared/domain/records';
import { formatCsv, parseCsv } from '../../../shared/import/csv';
import type { CsvTable } from '../../../shared/import/csv';
import { leadFieldsFromContact } from '../../../shared/import/contact-lead';
import type { ColumnMapping } from '../../../shared/import/lead-columns';
import { guessMapping, mappingKey, restoreMapping } from '../../../shared/import/lead-columns';
import { parseVCards } from '../../../shared/import/vcard';
import { useServices } from '../../app/services';
import type { LeadFilters } from '../../app/ui-store';
import { getPlatform } from '../../platform';
import { localize } from '../../platform/messages';
import { xlsxTable } from './xlsx-table';

export type ImportFile = { name: string; table: CsvTable; kind: 'csv' | 'vcf' | 'xlsx' };

// The columns a vCard contact fills, named as in a Dynamics 365 export so the same mapping
// applies.
const vcardHeaders = [
  'First Name',
  'Last Name',
  'Company Name',
  'Job Title',
  'Email',
  'Business Phone',
  'Mobile Phone',
  'Website',
  'Street 1',
  'City',
  'State/Province',
  'ZIP/Postal Code',
  'Country/Region',
  'Description',
];

/** A .vcf file as a table: one row per contact, its number in the file as its "line". */
export const vcardTable = (text: string): CsvTable => ({
  delimiter: ',',
  headers: vcardHeaders,
  rows: parseVCards(text).map((card, i) => {
    const f = leadFieldsFromContact(card);
    const a = f.address ?? {};
    return {
      line: i + 1,
      cells: [
        f.firstName ?? '',
        f.lastName ?? '',
        f.company ?? '',
        f.jobTitle ?? '',
        f.email ?? '',
        f.phone ?? '',
        f.mobile ?? '',
        f.website ?? '',
        a.street ?? '',
        a.city ?? '',
        a.province ?? '',
        a.postalCode ?? '',
        a.country ?? '',
        f.notes ?? '',
      ],
    };
  }),
});

type OpenedFile = { name: string; text: string; bytes?: Uint8Array | undefined };

const isXlsxName = (name: string) => /\.xlsx$/i.test(name);

// The platform's limit for a picked file holds for a dropped one too.
const maxImportBytes = 20 * 1024 * 1024;

const importFileOf = async ({
  name,
  text,
  bytes,
}: OpenedFile): Promise<PlatformResult<ImportFile>> => {
  if (bytes !== undefined) {
    const read = await xlsxTable(bytes);
    if (!read.ok) return { ok: false, error: localize(read.error) };
    return { ok: true, value: { name, kind: 'xlsx', table: read.table } };
  }
  const kind = /\.vcf$/i.test(name) || /^\s*BEGIN:VCARD/i.test(text) ? 'vcf' : 'csv';
  return {
    ok: true,
    value: { name, kind, table: kind === 'vcf' ? vcardTable(text) : parseCsv(text) },
  };
};

/** Asks for a CSV, .xlsx or vCard file and reads it into a table; null when canceled. */
export const openImportFile = async (): Promise<PlatformResult<ImportFile | null>> => {
  const opened = await getPlatform().openCsv();
  if (!opened.ok || opened.value === null) return opened as PlatformResult<null>;
  return importFileOf(opened.value);
};

/** A file dropped on the import dialog, read like a picked one. */
export const droppedImportFile = async (file: File): Promise<PlatformResult<ImportFile>> => {
  if (file.size > maxImportBytes) {
    return {
      ok: false,
      error: localize({
        en: 'The file is larger than 20 MB. Split it and import the parts.',
        it: 'Il file supera i 20 MB. Dividilo e importa le parti.',
      }),
    };
  }
  if (isXlsxName(file.name)) {
    return importFileOf({
      name: file.name,
      text: '',
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
  }
  const text = await file.text();
  return importFileOf({
    name: file.name,
    text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
  });
};

const mappingStorageKey = (headers: readonly string[]) =>
  `fairlead.leadImport.mapping:${mappingKey(headers)}`;

/** The mapping last used for these headers, or one guessed from them. */
export const initialMapping = (headers: readonly string[]): ColumnMapping => {
  try {
    const saved = localStorage.getItem(mappingStorageKey(headers));
    const restored = saved === null ? null : restoreMapping(headers, JSON.parse(saved));
    if (restored !== null) return restored;
  } catch {
    // A damaged saved mapping is only a lost convenience.
  }
  return guessMapping(headers);
};

export const rememberMapping = (headers: readonly string[], mapping: ColumnMapping): void => {
  try {
    localStorage.setItem(mappingStorageKey(headers), JSON.stringify(mapping));
  } catch {
    // Storage full or disabled: the next import guesses again.
  }
};

export const useLeadImport = () => useServices().commands.leadImport;

// Headers as Dynamics 365 names them, so an exported file imports back with no mapping work.
const exportColumns: [string, (l: Lead) => string][] = [
  ['Topic', (l) => l.topic],
  ['First Name', (l) => l.firstName],
  ['Last Name', (l) => l.lastName],
  ['Company Name', (l) => l.company],
  ['Job Title', (l) => l.jobTitle],
  ['Email', (l) => l.email],
  ['Business Phone', (l) => l.phone],
  ['Mobile Phone', (l) => l.mobile],
  ['Website', (l) => l.website],
  ['Street 1', (l) => l.address.street ?? ''],
  ['City', (l) => l.address.city ?? ''],
  ['State/Province', (l) => l.address.province ?? ''],
  ['ZIP/Postal Code', (l) => l.address.postalCode ?? ''],
  ['Country/Region', (l) => l.address.country ?? ''],
  ['VAT Number', (l) => l.vatNumber],
  ['Rating', (l) => l.rating],
  ['Lead Source', (l) => l.source],
  ['Source Detail', (l) => l.sourceDetail],
  ['Status Reason', (l) => l.status],
  ['Consent', (l) => (l.consent.given ? 'yes' : 'no')],
  ['Consent At', (l) => l.consent.at ?? ''],
  ['Consent How', (l) => l.consent.how ?? ''],
  ['Created On', (l) => l.createdAt],
  ['Lead ID', (l) => l.id],
];

export const leadsCsv = (leads: readonly Lead[]): string =>
  formatCsv([
    exportColumns.map(([h]) => h),
    ...leads.map((l) => exportColumns.map(([, v]) => v(l))),
  ]);

/** Exports the leads matching the list's filters; resolves to the saved name, or null. */
export const useLeadExport = () => {
  const { queries } = useServices();
  return async (
    filters: LeadFilters,
  ): Promise<PlatformResult<{ name: string | null; count: number }>> => {
    const leads = await queries.leadsToExport(filters);
    const day = new Date().toISOString().slice(0, 10);
    const saved = await getPlatform().saveFile({
      suggestedName: `leads-${day}.csv`,
      kind: 'csv',
      content: leadsCsv(leads),
    });
    return saved.ok ? { ok: true, value: { name: saved.value, count: leads.length } } : saved;
  };
};
