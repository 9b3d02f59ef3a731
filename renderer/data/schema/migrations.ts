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
    // v1 → v2: leads were captured outside fair mode: no fair, no answers.
    2: (old: Record<string, unknown>) => upgradeRecord('lead', old),
    // v2 → v3: only the indexes changed (none on personal data); the documents are the same.
    3: (old: Record<string, unknown>) => old,
  },
  account: {
    // v0 → v1: no shipping address (same as billing) and the language from the country.
    1: (old: Record<string, unknown>) => upgradeRecord('account', old),
    // v1 → v2: only the indexes changed.
    2: (old: Record<string, unknown>) => old,
  },
  contact: {
    // v0 → v1: `consent` is optional; a v0 contact is a valid v1 one.
    1: (old: Record<string, unknown>) => old,
    // v1 → v2: only the indexes changed.
    2: (old: Record<string, unknown>) => old,
  },
  // v0 → v1: no forecast category picked yet; each follows its stage and probability.
  opportunity: { 1: (old: Record<string, unknown>) => upgradeRecord('opportunity', old) },
  quote: {},
  // v0 → v1: no customer reference.
  order: { 1: (old: Record<string, unknown>) => upgradeRecord('order', old) },
  // v0 → v1: every invoice was an invoice, with no payments or credit notes recorded;
  // v1 → v2: no customer reference.
  invoice: {
    1: (old: Record<string, unknown>) => upgradeRecord('invoice', old),
    2: (old: Record<string, unknown>) => upgradeRecord('invoice', old),
  },
  activity: {},
  product: {},
  pricelist: {},
  // v0 → v1: only the kind enum grew (`company`); every v0 document is a valid v1 one.
  refdata: { 1: (old: Record<string, unknown>) => old },
  tradefair: {},
};
