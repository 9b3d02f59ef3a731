// Deletions are lifecycle steps (DESIGN.md §3): one table says, per record type and state,
// who may turn a record into a tombstone and who may bring a tombstone back. The device's
// delete command, its Delete buttons and the server's validateChange all read this table.
// Fiscal documents are never deleted: an issued invoice is corrected by a credit note, an
// order is canceled, a quote is closed. GDPR erasure (an office task) purges personal
// fields and keeps the tombstone.
import { typeNames as names } from './change-consistency';
import type { Actor } from './context';
import type { Effects } from './effects';
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { AnyRecord, RecordType } from './records';
import type { Deleter, DeletionRule } from './deleters';
import { byAdmin, byPeople, nobody } from './deleters';
import type { LifecycleTable } from './lifecycle-kit';
import {
  activityLifecycle,
  invoiceLifecycle,
  leadLifecycle,
  opportunityLifecycle,
  orderLifecycle,
  quoteLifecycle,
} from './lifecycle-tables';

export type { Deleter, DeletionRule } from './deleters';

/** The state key of records without a lifecycle. */
export const ANY_STATE = '*';
/** The state key of system events on a timeline. */
export const SYSTEM_EVENT = 'system';

/** Each state's rule, as its lifecycle table gives it (none given: nobody). */
const byState = (table: LifecycleTable): Record<string, DeletionRule> =>
  Object.fromEntries(
    Object.entries(table.states).map(([state, { deletion }]) => [state, deletion ?? nobody]),
  );

/**
 * The deletion table. A state missing from a type's row allows nothing. The rules of types
 * with a lifecycle are in their lifecycle table (lifecycle-tables.ts): orders and invoices
 * never go, whatever their state.
 */
export const deletionTable: Readonly<Record<RecordType, Readonly<Record<string, DeletionRule>>>> = {
  lead: byState(leadLifecycle),
  // Accounts carry quotes, orders and invoices: only the office removes one.
  account: { [ANY_STATE]: byAdmin },
  contact: { [ANY_STATE]: byPeople },
  opportunity: byState(opportunityLifecycle),
  quote: byState(quoteLifecycle),
  order: byState(orderLifecycle),
  invoice: byState(invoiceLifecycle),
  activity: { ...byState(activityLifecycle), [SYSTEM_EVENT]: nobody },
  product: { [ANY_STATE]: byAdmin },
  pricelist: { [ANY_STATE]: byAdmin },
  refdata: { [ANY_STATE]: byAdmin },
  // Leads keep pointing at their fair: only the office removes one.
  tradefair: { [ANY_STATE]: byAdmin },
};

/** Tombstones the office signed are GDPR erasures: they never come back, whoever asks. */
export const ERASURE_SIGNATURE = 'office';

type Doc = Record<string, unknown>;

/** The row of the table a record is judged by. */
export const deletionStateOf = (type: RecordType, record: AnyRecord | Doc): string => {
  const doc = record as Doc;
  if (type === 'activity' && doc.type === 'system') return SYSTEM_EVENT;
  return typeof doc.state === 'string' ? doc.state : ANY_STATE;
};

const rights = (actor: Actor, record: Doc): Deleter[] => [
  ...(record.ownerId === actor.userId ? (['owner'] as const) : []),
  ...(actor.role === 'manager' ? (['manager'] as const) : []),
  ...(actor.role === 'admin' ? (['admin'] as const) : []),
];

const ruleOf = (type: RecordType, record: Doc): DeletionRule =>
  deletionTable[type][deletionStateOf(type, record)] ?? nobody;

/** Whether `actor` may delete `record` as it is now (the device hides Delete otherwise). */
export const mayDelete = (type: RecordType, record: AnyRecord | Doc, actor: Actor): boolean => {
  const allowed = ruleOf(type, record as Doc).delete;
  return rights(actor, record as Doc).some((r) => allowed.includes(r));
};

/** Whether `actor` may bring back the tombstone `record` (with the content it comes back with). */
export const mayUndelete = (
  type: RecordType,
  tombstone: AnyRecord | Doc,
  revived: AnyRecord | Doc,
  actor: Actor,
): boolean => {
  if ((tombstone as Doc).updatedBy === ERASURE_SIGNATURE) return false;
  const allowed = ruleOf(type, revived as Doc).undelete;
  return rights(actor, tombstone as Doc).some((r) => allowed.includes(r));
};

/** Why a record cannot be deleted, in words a seller understands. */
const refusal = (type: RecordType, record: Doc): Result<never> => {
  const state = deletionStateOf(type, record);
  const { en, it } = names[type];
  if (ruleOf(type, record).delete.length > 0) {
    return fail(
      'change.illegal_deletion',
      `You may not delete this ${en}.`,
      `Non hai il permesso di eliminare ${it}.`,
      '_deleted',
    );
  }
  if (type === 'invoice') {
    return fail(
      'change.illegal_deletion',
      'An issued invoice is never deleted: correct it with a credit note.',
      'Una fattura emessa non si elimina mai: si corregge con una nota di credito.',
      '_deleted',
    );
  }
  if (type === 'order') {
    return fail(
      'change.illegal_deletion',
      'An order is never deleted: cancel it instead.',
      'Un ordine non si elimina mai: annullalo invece.',
      '_deleted',
    );
  }
  if (state === SYSTEM_EVENT) {
    return fail(
      'change.illegal_deletion',
      'System events on the timeline are never deleted.',
      'Gli eventi di sistema della cronologia non si eliminano mai.',
      '_deleted',
    );
  }
  return fail(
    'change.illegal_deletion',
    `A ${en} in state "${state}" cannot be deleted.`,
    `Non è possibile eliminare ${it} nello stato "${state}".`,
    '_deleted',
  );
};

/** The check behind a tombstone: may `actor` delete `record` (its content as deleted)? */
export const checkDeletion = (
  type: RecordType,
  record: AnyRecord | Doc,
  actor: Actor,
): Result<void> => (mayDelete(type, record, actor) ? ok(undefined) : refusal(type, record as Doc));

/** The check behind bringing a tombstone back to life. */
export const checkUndeletion = (
  type: RecordType,
  tombstone: AnyRecord | Doc,
  revived: AnyRecord | Doc,
  actor: Actor,
): Result<void> => {
  if (mayUndelete(type, tombstone, revived, actor)) return ok(undefined);
  const { en, it } = names[type];
  if ((tombstone as Doc).updatedBy === ERASURE_SIGNATURE) {
    return fail(
      'change.illegal_deletion',
      `This ${en} was erased by the office (GDPR) and cannot come back.`,
      `Questo record (${it}) è stato cancellato dall'ufficio (GDPR) e non può tornare.`,
      '_deleted',
    );
  }
  return fail(
    'change.illegal_deletion',
    `A deleted ${en} cannot be restored.`,
    `Non è possibile ripristinare ${it} dopo l'eliminazione.`,
    '_deleted',
  );
};

/** The rule of the device's delete command: a tombstone for `record`, if the table allows. */
export const deleteRecord = (
  type: RecordType,
  record: AnyRecord,
  actor: Actor,
): Result<Effects> => {
  const allowed = checkDeletion(type, record, actor);
  if (!allowed.ok) return allowed;
  return ok({ writes: [], removals: [{ type, id: record.id }] });
};
