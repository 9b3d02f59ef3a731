// Migration strategies per record type: strategy N turns a version N−1 document into
// version N. Every collection has an entry (empty at version 0), so a later bump only adds
// a function here and raises the version in shared/domain/rx-schemas.ts.
import type { MigrationStrategies } from 'rxdb';
import type { RecordType } from '../../../shared/domain/records';
import { upgradeRecord } from '../../../shared/domain/record-upgrade';
import { leadSearchTerms } from './lead-v0';

export const migrationStrategies: Readonly<Record<RecordType, MigrationStrategies>> = {
  lead: {
    // v0 → v1: leads had no searchTerms; fill them from name, company, email and phone.
    1: (old: Record<string, unknown>) => ({ ...old, searchTerms: leadSearchTerms(old) }),
    // v1 → v2: only the indexes changed (none on personal data); the documents are the same.
    2: (old: Record<string, unknown>) => old,
  },
  account: {
    // v0 → v1: no shipping address (same as billing) and the language from the country.
    1: (old: Record<string, unknown>) => upgradeRecord('account', old),
    // v1 → v2: only the indexes changed.
    2: (old: Record<string, unknown>) => old,
  },
  // v0 → v1: only the indexes changed.
  contact: { 1: (old: Record<string, unknown>) => old },
  opportunity: {},
  quote: {},
  order: {},
  // v0 → v1: every invoice was an invoice, with no payments or credit notes recorded.
  invoice: { 1: (old: Record<string, unknown>) => upgradeRecord('invoice', old) },
  activity: {},
  product: {},
  pricelist: {},
  // v0 → v1: only the kind enum grew (`company`); every v0 document is a valid v1 one.
  refdata: { 1: (old: Record<string, unknown>) => old },
};
