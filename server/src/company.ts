// The office's legal identity (admin CLI `company set|show`): checked field by field with
// shared/domain/company.ts and written as one reference-data record, which every device
// pulls like the rest of the office's reference data.
import type { Company } from '../../shared/domain/company';
import {
  COMPANY_REFDATA_ID,
  COMPANY_REFDATA_KEY,
  COMPANY_REFDATA_KIND,
  validateCompany,
} from '../../shared/domain/company';
import type { Refdata } from '../../shared/domain/records';
import { OFFICE_OWNER_ID, OfficeError, writeOfficeDocs } from './office';
import type { Storage } from './storage/types';

const storedCompany = async (storage: Storage): Promise<Refdata | null> => {
  const stored = (await storage.getDocs('refdata', [COMPANY_REFDATA_ID])).get(COMPANY_REFDATA_ID);
  if (!stored || stored.deleted) return null;
  return stored.doc as unknown as Refdata;
};

/** Checks the company file (JSON text) and publishes it; every problem is reported at once. */
export const setCompany = async (storage: Storage, jsonText: string): Promise<Company> => {
  let input: unknown;
  try {
    input = JSON.parse(jsonText);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new OfficeError(
      `The company file is not valid JSON: ${why}`,
      `Il file dell'azienda non è un JSON valido: ${why}`,
    );
  }
  const checked = validateCompany(input);
  if (!checked.ok) {
    const list = (lang: 'en' | 'it'): string =>
      checked.error.map((p) => `  ${p.field}: ${p.message[lang]}`).join('\n');
    throw new OfficeError(
      `The company was not saved; fix these fields and try again:\n${list('en')}`,
      `I dati dell'azienda non sono stati salvati; correggi questi campi e riprova:\n${list('it')}`,
    );
  }
  const before = await storedCompany(storage);
  const now = new Date().toISOString();
  const record: Refdata = {
    id: COMPANY_REFDATA_ID,
    ownerId: OFFICE_OWNER_ID,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    updatedBy: OFFICE_OWNER_ID,
    kind: COMPANY_REFDATA_KIND,
    key: COMPANY_REFDATA_KEY,
    data: checked.value,
  };
  await writeOfficeDocs(storage, 'refdata', [record]);
  return checked.value;
};

/** The company as stored, as the JSON `company set` takes; null when none is set. */
export const showCompany = async (storage: Storage): Promise<string | null> => {
  const stored = await storedCompany(storage);
  return stored ? JSON.stringify(stored.data, null, 2) : null;
};
