// Server-side check of a pushed document (DESIGN.md §3–4): given the stored version (or
// none) and the proposed one, decide whether the change is legal for that user under the
// lifecycle rules. The device runs the same check before it writes.
import { withoutRxMeta } from '../rx-meta';
import { checkConsistency, typeNames } from './change-consistency';
import type { LifecyclePoint } from './change-tables';
import {
  canReach,
  editableFields,
  immutableFields,
  initialStates,
  pricedFields,
  reachableFrom,
  statusesByState,
  transitions,
} from './change-tables';
import type { Actor } from './context';
import { checkDeletion, checkUndeletion } from './deletion';
import type { Result } from './errors';
import { fail, ok } from './errors';
import { checkStageGates, stageIndex } from './opportunity-gates';
import { deepEqual } from '../deep-equal';
import { normalizeAccount } from './account';
import { fullyCredited } from './invoice-balance';
import { checkPlainText } from './plain-text';
import type { Account, AnyRecord, Invoice, Opportunity, RecordType } from './records';
import { recordSchemas } from './records';
import { upgradeRecord } from './record-upgrade';
import { schemaIssueText } from './schema-issue';

/** Names of the top-level fields whose values differ. */
export const changedFields = (before: object, after: object): string[] => {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => !deepEqual(b[k], a[k])).sort();
};

type Doc = Record<string, unknown>;

// RxDB's own fields (_deleted, _rev, _meta, _attachments) travel with documents; the
// record is everything else (the rule is written in shared/rx-meta.ts).
const withoutMeta = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? withoutRxMeta(value as Record<string, unknown>, 'drop')
    : value;

const parse = (type: RecordType, after: unknown): Result<AnyRecord> => {
  // Older devices push documents without the fields added since: read with their defaults.
  const parsed = recordSchemas[type].safeParse(upgradeRecord(type, withoutMeta(after)));
  if (parsed.success) return ok(parsed.data as AnyRecord);
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  if (issue?.code === 'unrecognized_keys') {
    // Refused, never stripped: a field the schema does not know is not stored.
    const field = [path, ...issue.keys.slice(0, 1)]
      .filter((p) => p !== '')
      .join('.')
      .slice(0, 100);
    return fail(
      'change.unknown_field',
      `The ${typeNames[type].en} has a field the office does not know: ${field}.`,
      `Il documento (${typeNames[type].it}) ha un campo sconosciuto: ${field}.`,
      field,
    );
  }
  const why = schemaIssueText(issue);
  return fail(
    'change.invalid_document',
    `The ${typeNames[type].en} is not valid: ${path === '' ? '' : `${path}: `}${why.en}.`,
    `Il documento non è valido (${typeNames[type].it}): ${path === '' ? '' : `${path}: `}${why.it}.`,
    path === '' ? undefined : path,
  );
};

const readOnly = (type: RecordType, state: string, field: string): Result<never> => {
  if (type === 'invoice') {
    return fail(
      'invoice.read_only',
      `A ${state} invoice can no longer be changed.`,
      `Una fattura ${state === 'paid' ? 'pagata' : state === 'canceled' ? 'annullata' : 'emessa'} non può più essere modificata.`,
      field,
    );
  }
  if (type === 'quote') {
    return fail(
      'quote.not_draft',
      'Only a draft quote can be changed.',
      "Solo un'offerta in bozza può essere modificata.",
      field,
    );
  }
  return fail(
    'change.read_only',
    `This ${typeNames[type].en} is ${state} and ${field} cannot change.`,
    `Il campo ${field} non può cambiare: ${typeNames[type].it} è in stato "${state}".`,
    field,
  );
};

const pointOf = (type: RecordType, doc: Doc): LifecyclePoint => ({
  state: String(doc.state),
  status: statusesByState[type] === undefined ? '' : String(doc.status),
});

/**
 * Fields that may differ between `before` and `after`: those some state on a legal path from
 * one to the other lets change (`'*'`: anything not immutable). Null: no restriction.
 */
const editableOnTheWay = (
  type: RecordType,
  before: LifecyclePoint,
  after: LifecyclePoint,
): ReadonlySet<string> | null => {
  const table = editableFields[type];
  if (table === undefined) return null;
  const fields = new Set<string>();
  for (const x of reachableFrom(type, before)) {
    for (const [to, allowed] of Object.entries(table[x.state] ?? {})) {
      // The step from x into `to` must still lead on to `after`.
      const onTheWay = reachableFrom(type, x).some(
        (y) => y.state === to && canReach(type, y, after),
      );
      if (onTheWay) for (const f of allowed) fields.add(f);
    }
  }
  return fields.has('*') ? null : fields;
};

/**
 * Whether `after` can follow `before` in the lifecycle of the type. A device offline may run
 * several commands and push only the last state, so this asks whether `after` is reachable
 * through legal steps, and whether each changed field was editable somewhere on the way.
 */
const checkTransition = (type: RecordType, before: Doc, after: Doc, changed: string[]) => {
  if (transitions[type] === undefined) return ok(undefined);
  const from = pointOf(type, before);
  const to = pointOf(type, after);
  if (!canReach(type, from, to)) {
    const field = from.state === to.state ? 'status' : 'state';
    const [a, b] = field === 'state' ? [from.state, to.state] : [from.status, to.status];
    return fail(
      'change.illegal_transition',
      `A ${typeNames[type].en} cannot go from ${a} to ${b}.`,
      `Non è possibile portare ${typeNames[type].it} da "${a}" a "${b}".`,
      field,
    );
  }
  const allowed = editableOnTheWay(type, from, to);
  const blocked = allowed === null ? undefined : changed.find((f) => !allowed.has(f));
  return blocked === undefined ? ok(undefined) : readOnly(type, from.state, blocked);
};

const checkTypeRules = (
  type: RecordType,
  before: Doc,
  after: Doc,
  changed: string[],
): Result<void> => {
  if (type === 'activity' && before.type === 'system') {
    return fail(
      'activity.system_read_only',
      'System events cannot be changed.',
      'Gli eventi di sistema non possono essere modificati.',
      changed[0],
    );
  }
  // An opportunity gets its number at most once (quotes, orders, invoices: immutableFields).
  if (type === 'opportunity' && before.number !== '' && changed.includes('number')) {
    return fail(
      'change.immutable_field',
      'The number of the opportunity cannot change once it is set.',
      "Il numero dell'opportunità non può cambiare dopo essere stato assegnato.",
      'number',
    );
  }
  // Only qualifying sets the qualified ids, and a qualified lead never leaves that state.
  if (type === 'lead' && after.state !== 'qualified') {
    const q = changed.find((f) => f.startsWith('qualified'));
    if (q !== undefined) return readOnly(type, String(before.state), q);
  }
  // Closing puts a won opportunity at Close whatever its stage: gates guard stage moves only.
  if (type === 'opportunity' && before.state === 'open' && after.state === 'open') {
    const b = before as Opportunity;
    const a = after as Opportunity;
    // Gates apply to forward moves, judged on the new content.
    if (stageIndex(a.stage) > stageIndex(b.stage)) {
      const gates = checkStageGates({ ...a, stage: b.stage }, a.stage);
      if (!gates.ok) return gates;
    }
  }
  // Locked prices of an active order are not checked here: the device may have unlocked,
  // edited and locked them again before it pushed.
  if (type === 'invoice' || (type === 'order' && before.state !== 'active')) {
    const priced = changed.find((f) => (pricedFields as readonly string[]).includes(f));
    if (priced !== undefined) return readOnly(type, String(before.state), priced);
  }
  if (type === 'invoice') return checkInvoiceChange(before as Invoice, after as Invoice, changed);
  if (type === 'account') return checkAccountChange(before as Account, after as Account, changed);
  return ok(undefined);
};

const appendedTo = (before: readonly unknown[], after: readonly unknown[]): boolean =>
  after.length >= before.length && before.every((x, i) => deepEqual(x, after[i]));

// A credit note never changes once issued; an invoice's payments and credits are only
// appended; and it is canceled only by credit notes that take off all of it.
const checkInvoiceChange = (before: Invoice, after: Invoice, changed: string[]): Result<void> => {
  if (before.documentType === 'creditNote') {
    return fail(
      'invoice.read_only',
      'A credit note is final once issued and can no longer be changed.',
      'Una nota di credito è definitiva una volta emessa e non può più essere modificata.',
      changed[0],
    );
  }
  for (const field of ['payments', 'credits'] as const) {
    if (!appendedTo(before[field], after[field])) {
      return fail(
        'invoice.history_rewritten',
        field === 'payments'
          ? 'Recorded payments cannot be changed or removed.'
          : 'Issued credit notes cannot be changed or removed from the invoice.',
        field === 'payments'
          ? 'I pagamenti registrati non possono essere modificati o rimossi.'
          : 'Le note di credito emesse non possono essere modificate o tolte dalla fattura.',
        field,
      );
    }
  }
  if (before.state === 'active' && after.state === 'canceled' && !fullyCredited(after)) {
    return fail(
      'invoice.cancel_needs_credit_note',
      'An issued invoice is canceled by issuing a credit note for all of it.',
      "Una fattura emessa si annulla emettendo una nota di credito per l'intero importo.",
      'state',
    );
  }
  return ok(undefined);
};

const taxFields = ['vatNumber', 'taxCode', 'sdiCode', 'pec', 'email', 'address'];

// The tax ids are checked when they change, so an account stored before the checks existed
// can still be edited elsewhere.
const checkAccountChange = (before: Account | null, after: Account, changed: string[]) => {
  if (before !== null && !changed.some((f) => taxFields.includes(f))) return ok(undefined);
  const checked = normalizeAccount(after);
  return checked.ok ? ok(undefined) : checked;
};

/** A new document may arrive in any state reachable from where that type starts. */
const checkCreation = (type: RecordType, doc: Doc, parsed: Result<AnyRecord>) => {
  if (type === 'account') {
    const checked = checkAccountChange(null, doc as Account, []);
    if (!checked.ok) return checked;
  }
  // A credit note starts, and stays, issued.
  const start =
    type === 'invoice' && doc.documentType === 'creditNote'
      ? { state: 'issued', status: 'issued' }
      : initialStates[type];
  if (start === undefined || canReach(type, start, pointOf(type, doc))) return parsed;
  return fail(
    'change.illegal_transition',
    `A new ${typeNames[type].en} cannot start as ${String(doc.state)}.`,
    `Non è possibile creare ${typeNames[type].it} nello stato "${String(doc.state)}".`,
    'state',
  );
};

const isTombstone = (doc: unknown): boolean =>
  typeof doc === 'object' && doc !== null && (doc as Doc)._deleted === true;

/**
 * A change of `_deleted` is a lifecycle step of its own (deletion.ts): deleting, creating
 * as a tombstone and bringing a tombstone back are each judged by the deletion table.
 */
const checkLiveness = (
  type: RecordType,
  before: unknown,
  prev: Doc | null,
  doc: Doc,
  deleting: boolean,
  actor: Actor,
): Result<void> => {
  const wasDeleted = before !== null && isTombstone(before);
  if (prev !== null && wasDeleted && !deleting) return checkUndeletion(type, prev, doc, actor);
  if (!deleting || wasDeleted) return ok(undefined);
  if (prev !== null) {
    // Both the stored state and the deleted content must allow it; the stored owner decides.
    const stored = checkDeletion(type, prev, actor);
    if (!stored.ok) return stored;
    return checkDeletion(type, { ...doc, ownerId: prev.ownerId }, actor);
  }
  return checkDeletion(type, doc, actor);
};

/**
 * Decides whether `after` is a legal new version of `before` (null for a new document)
 * pushed by `actor`. Checks the schema, immutable fields, legal state moves, read-only
 * states, deletions and un-deletions (`_deleted`, see deletion.ts), lines and totals,
 * number formats and who may write catalog records. The other `_` fields (RxDB metadata)
 * are ignored here; the server refuses them before. Returns the parsed record.
 */
export const validateChange = (
  type: RecordType,
  before: (AnyRecord & { _deleted?: boolean }) | null,
  after: unknown,
  actor: Actor,
): Result<AnyRecord> => {
  const parsed = parse(type, after);
  if (!parsed.ok) return parsed;
  const doc = parsed.value as Doc;
  const plain = checkPlainText(doc);
  if (!plain.ok) return plain;
  if (type === 'product' || type === 'pricelist' || type === 'refdata') {
    if (actor.role !== 'admin') {
      return fail(
        'change.catalog_forbidden',
        'Only the office administrator can change the catalog and reference data.',
        "Solo l'amministratore dell'ufficio può modificare il catalogo e i dati di riferimento.",
      );
    }
  }
  const prev = before === null ? null : (upgradeRecord(type, withoutMeta(before)) as Doc);
  const liveness = checkLiveness(type, before, prev, doc, isTombstone(after), actor);
  if (!liveness.ok) return liveness;
  if (prev !== null && deepEqual(prev, doc)) return parsed; // the same content again
  // Signed by the pusher, or still carrying the stored signature: a device's three-way merge
  // keeps the later side's stamp, which may be the master's.
  if (doc.updatedBy !== actor.userId && (prev === null || doc.updatedBy !== prev.updatedBy)) {
    return fail(
      'change.updated_by_mismatch',
      'A change must be signed by the user who makes it.',
      "Una modifica deve essere firmata dall'utente che la effettua.",
      'updatedBy',
    );
  }
  const consistent = checkConsistency(type, doc);
  if (!consistent.ok) return consistent;
  if (prev === null) return checkCreation(type, doc, parsed);
  const changed = changedFields(prev, doc);
  const immutable = changed.find((f) => immutableFields[type].includes(f));
  if (immutable !== undefined) {
    return fail(
      'change.immutable_field',
      `The field ${immutable} cannot change once the ${typeNames[type].en} exists.`,
      `Il campo ${immutable} non può cambiare dopo la creazione (${typeNames[type].it}).`,
      immutable,
    );
  }
  // A manager's handover (reassign.ts) changes only the owner and the stamp, in whatever state
  // the record is, its timeline's system events included; to whom is checkWrite's call.
  const handover = changed.every((f) => f === 'ownerId' || f === 'updatedAt' || f === 'updatedBy');
  if (handover && actor.role !== 'seller') return parsed;
  const rules = checkTypeRules(type, prev, doc, changed);
  if (!rules.ok) return rules;
  const transition = checkTransition(type, prev, doc, changed);
  if (!transition.ok) return transition;
  return parsed;
};
