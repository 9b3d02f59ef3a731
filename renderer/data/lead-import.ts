// A lead import on the device: the rows are planned against every lead, account and contact
// in the store, then written in bulk, a few hundred per write, so 10,000 rows take seconds
// and the progress bar moves. Each lead goes through the same rules as a capture.
import type { Actor, RuleContext } from '../../shared/domain/context';
import type { LocalizedText } from '../../shared/domain/errors';
import { uuidv7 } from '../../shared/domain/ids';
import type { LeadInput } from '../../shared/domain/lead';
import { createLead, updateLead } from '../../shared/domain/lead';
import type { Account, Activity, Contact, Lead } from '../../shared/domain/records';
import { buildDuplicateIndex } from '../../shared/import/duplicate-index';
import type { ImportOptions, PlannedRow } from '../../shared/import/lead-import';
import { planLeadImport } from '../../shared/import/lead-import';
import type { FairleadDatabase } from './database';
import { toStoreError } from './store-error';
import { collectionOf } from './write';

/** One row to write: a new lead, or the imported values laid over an existing open lead. */
export type LeadImportWrite =
  | { line: number; action: 'create'; input: LeadInput }
  | { line: number; action: 'update'; leadId: string; input: LeadInput };

export type LeadImportReport = {
  created: number;
  updated: number;
  failed: { line: number; message: LocalizedText }[];
};

/** Rows written per bulk write: big enough to be fast, small enough to show progress. */
export const IMPORT_BATCH = 500;

const ruleContext = (actor: Actor, now: string): RuleContext => ({
  actor,
  now,
  newId: () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10))),
});

const plain = <T>(docs: { toJSON(): unknown }[]): T[] => docs.map((d) => d.toJSON() as T);

/** Every row checked and looked up for duplicates among the records on this device. */
export const planDeviceLeadImport = async (
  db: FairleadDatabase,
  actor: Actor,
  rows: readonly { line: number; cells: readonly string[] }[],
  options: ImportOptions,
): Promise<PlannedRow[]> => {
  const [leads, accounts, contacts] = await Promise.all([
    collectionOf(db, 'lead').find().exec(),
    collectionOf(db, 'account').find().exec(),
    collectionOf(db, 'contact').find().exec(),
  ]);
  const index = buildDuplicateIndex({
    leads: plain<Lead>(leads),
    accounts: plain<Account>(accounts),
    contacts: plain<Contact>(contacts),
  });
  return planLeadImport(rows, options, index, ruleContext(actor, options.now));
};

// An update lays only what the file says over the lead: empty cells, the import's source and
// an absent consent keep what the lead has (a file never withdraws a consent).
const filledIn = (input: LeadInput): LeadInput => {
  const { source: _source, sourceDetail: _detail, consent, address, ...rest } = input;
  const patch = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== '' && v !== null && v !== undefined),
  ) as LeadInput;
  if (consent?.given === true) patch.consent = consent;
  if (address !== undefined && Object.keys(address).length > 0) patch.address = address;
  return patch;
};

const bulkUpsert = async <T>(
  db: FairleadDatabase,
  type: 'lead' | 'activity',
  docs: T[],
): Promise<Set<string>> => {
  const refused = new Set<string>();
  if (docs.length === 0) return refused;
  const collection = collectionOf(db, type) as unknown as {
    name: string;
    bulkUpsert(d: T[]): Promise<{ error: { documentId?: string }[] }>;
  };
  try {
    const result = await collection.bulkUpsert(docs);
    for (const e of result.error) if (e.documentId !== undefined) refused.add(e.documentId);
  } catch (error) {
    throw toStoreError(error, collection.name);
  }
  return refused;
};

/** Writes the rows in batches; `onProgress` gets the rows done so far after each batch. */
export const writeLeadImport = async (
  db: FairleadDatabase,
  actor: Actor,
  rows: readonly LeadImportWrite[],
  onProgress: (done: number) => void = () => undefined,
): Promise<LeadImportReport> => {
  const report: LeadImportReport = { created: 0, updated: 0, failed: [] };
  const ctx = ruleContext(actor, new Date().toISOString());
  for (let start = 0; start < rows.length; start += IMPORT_BATCH) {
    const batch = rows.slice(start, start + IMPORT_BATCH);
    const updateIds = batch.flatMap((r) => (r.action === 'update' ? [r.leadId] : []));
    const existing = await collectionOf(db, 'lead').findByIds(updateIds).exec();
    const leads: Lead[] = [];
    const activities: Activity[] = [];
    const lineOf = new Map<string, { line: number; action: LeadImportWrite['action'] }>();
    for (const row of batch) {
      const current = row.action === 'update' ? existing.get(row.leadId) : undefined;
      if (row.action === 'update' && current === undefined) {
        report.failed.push({
          line: row.line,
          message: {
            en: `Line ${row.line}: the lead to update is no longer on this device.`,
            it: `Riga ${row.line}: il lead da aggiornare non è più su questo dispositivo.`,
          },
        });
        continue;
      }
      const outcome =
        current === undefined
          ? createLead(row.input, ctx)
          : updateLead(current.toJSON() as Lead, filledIn(row.input), ctx);
      if (!outcome.ok) {
        const { en, it } = outcome.error.message;
        report.failed.push({
          line: row.line,
          message: { en: `Line ${row.line}: ${en}`, it: `Riga ${row.line}: ${it}` },
        });
        continue;
      }
      for (const w of outcome.value.writes) {
        if (w.type === 'lead') {
          leads.push(w.doc);
          lineOf.set(w.doc.id, { line: row.line, action: row.action });
        } else if (w.type === 'activity') activities.push(w.doc);
      }
    }
    // Activities first, as in a single capture: a lead is never stored without its history.
    await bulkUpsert(db, 'activity', activities);
    const refused = await bulkUpsert(db, 'lead', leads);
    for (const [id, { line, action }] of lineOf) {
      if (refused.has(id)) {
        report.failed.push({
          line,
          message: {
            en: `Line ${line}: the device refused to store this lead.`,
            it: `Riga ${line}: il dispositivo non ha potuto salvare questo lead.`,
          },
        });
      } else if (action === 'create') report.created++;
      else report.updated++;
    }
    onProgress(Math.min(rows.length, start + batch.length));
    // Let the page paint the progress bar between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  report.failed.sort((a, b) => a.line - b.line);
  return report;
};
