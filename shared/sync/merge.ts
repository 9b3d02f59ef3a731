// The device's three-way merge of DESIGN.md §4, run when a push finds the master moved on.
// Rules, per top-level field:
// - changed on one side only → that side; changed identically on both → no conflict;
// - changed differently on both → the master wins and the losing value is reported;
// - `address` is merged per sub-field (street, city… are independent); every other nested
//   object (consent, header discount, activity data) is one value, because its parts only
//   make sense together;
// - embedded `lines` / `items` are merged by line id, field by field, in the master's order
//   with lines added locally appended;
// - state/status (and an opportunity's stage) never move backwards when both sides changed
//   them: the further-along side wins, a tie goes to the master (lifecycle-order.ts);
// - derived values (line amounts, totals, system revenue, search terms) are recomputed or
//   taken from the side whose inputs survived; they are never reported as conflicts;
// - a deletion meets an edit → the edited record is kept and the deletion reported.
import type { RecordType } from '../domain/records';
import type { MergeConflict } from './merge-values';
import { deepEqual } from '../deep-equal';
import { mergeById, mergeValue, sortConflicts } from './merge-values';
import { recomputeDerived } from './merge-derived';
import { compareLifecycle, compareStage, lifecycleOrder } from './lifecycle-order';

export type { MergeConflict } from './merge-values';

export type MergeInput<T> = {
  type: RecordType;
  /** The master state the local edit started from; null when unknown (first push). */
  base: T | null;
  local: T;
  master: T;
};

export type MergeResult<T> = { merged: T; conflicts: MergeConflict[] };

type Doc = Record<string, unknown>;

const EMBEDDED = new Set(['lines', 'items']);
const PER_SUBFIELD = new Set(['address']);
// Fields computed from others: resolved after the merge, never conflicts.
const DERIVED = new Set(['totals', 'searchTerms', 'estimatedRevenue']);
const AUDIT = new Set(['updatedAt', 'updatedBy', '_deleted']);

const pick = (doc: Doc | null, keys: readonly string[]): Doc | undefined => {
  if (doc === null) return undefined;
  const out: Doc = {};
  for (const key of keys) if (doc[key] !== undefined) out[key] = doc[key];
  return out;
};

/** Three-way merge of one record. Pure and deterministic; never mutates its input. */
export const mergeRecord = <T>(input: MergeInput<T>): MergeResult<T> => {
  const local = input.local as Doc;
  const master = input.master as Doc;
  const base = input.base as Doc | null;
  if (deepEqual(local, master)) return { merged: structuredClone(input.master), conflicts: [] };

  const conflicts: MergeConflict[] = [];
  const merged: Doc = {};
  const lifecycleKeys = lifecycleFieldsOf(input.type);
  const keys = [...new Set([...Object.keys(master), ...Object.keys(local)])].sort();

  for (const key of keys) {
    if (AUDIT.has(key) || DERIVED.has(key) || lifecycleKeys.includes(key)) continue;
    const b = base === null ? undefined : base[key];
    const value = EMBEDDED.has(key)
      ? mergeById(key, b, local[key], master[key], conflicts)
      : PER_SUBFIELD.has(key)
        ? mergeSubfields(key, b, local[key], master[key], conflicts)
        : mergeValue(key, b, local[key], master[key], conflicts);
    if (value !== undefined) merged[key] = value;
  }

  mergeLifecycle(input.type, base, local, master, merged, conflicts);
  recomputeDerived(base, local, master, merged, conflicts);
  mergeAudit(local, master, merged);
  mergeDeletion(base, local, master, merged, conflicts);
  return { merged: merged as T, conflicts: sortConflicts(conflicts) };
};

const lifecycleFieldsOf = (type: RecordType): string[] => {
  const fields = lifecycleOrder[type] === undefined ? [] : ['state', 'status'];
  return type === 'opportunity' ? [...fields, 'stage'] : fields;
};

const mergeSubfields = (
  path: string,
  base: unknown,
  local: unknown,
  master: unknown,
  conflicts: MergeConflict[],
): unknown => {
  const isObj = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(local) || !isObj(master) || (base !== undefined && !isObj(base))) {
    return mergeValue(path, base, local, master, conflicts);
  }
  const out: Doc = {};
  const keys = [...new Set([...Object.keys(master), ...Object.keys(local)])].sort();
  for (const key of keys) {
    const b = base === undefined ? undefined : (base as Doc)[key];
    const v = mergeValue(`${path}.${key}`, b, local[key], master[key], conflicts);
    if (v !== undefined) out[key] = v;
  }
  return out;
};

// Picks the winning side for a group of fields that move together (state + status).
const mergeStep = (
  fields: readonly string[],
  base: Doc | null,
  local: Doc,
  master: Doc,
  compare: (a: Doc, b: Doc) => number,
  merged: Doc,
  conflicts: MergeConflict[],
): void => {
  const l = pick(local, fields) ?? {};
  const m = pick(master, fields) ?? {};
  const b = pick(base, fields);
  let winner: Doc;
  if (deepEqual(l, m)) winner = l;
  else if (b !== undefined && deepEqual(l, b)) winner = m;
  else if (b !== undefined && deepEqual(m, b)) winner = l;
  else {
    // Both moved: the further-along step wins, so a merge never moves state backwards.
    winner = compare(l, m) > 0 ? l : m;
    const side = winner === l ? 'local' : 'master';
    for (const field of fields) {
      if (!deepEqual(l[field], m[field])) {
        conflicts.push({ path: field, localValue: l[field], masterValue: m[field], winner: side });
      }
    }
  }
  for (const field of fields) if (winner[field] !== undefined) merged[field] = winner[field];
};

const mergeLifecycle = (
  type: RecordType,
  base: Doc | null,
  local: Doc,
  master: Doc,
  merged: Doc,
  conflicts: MergeConflict[],
): void => {
  const rank = lifecycleOrder[type];
  if (rank !== undefined) {
    const fields = ['state', 'status'];
    mergeStep(
      fields,
      base,
      local,
      master,
      (a, b) => compareLifecycle(rank, a, b),
      merged,
      conflicts,
    );
  }
  if (type === 'opportunity') {
    const compare = (a: Doc, b: Doc): number => compareStage(a.stage, b.stage);
    mergeStep(['stage'], base, local, master, compare, merged, conflicts);
  }
};

const mergeAudit = (local: Doc, master: Doc, merged: Doc): void => {
  const lu = typeof local.updatedAt === 'string' ? local.updatedAt : '';
  const mu = typeof master.updatedAt === 'string' ? master.updatedAt : '';
  // The most recent writer is the one the merged record is attributed to; ties go to master.
  const latest = lu > mu ? local : master;
  if (latest.updatedAt !== undefined) merged.updatedAt = latest.updatedAt;
  if (latest.updatedBy !== undefined) merged.updatedBy = latest.updatedBy;
};

const contentChanged = (side: Doc, base: Doc): boolean => {
  const strip = (d: Doc): Doc => {
    const { _deleted: _d, updatedAt: _u, updatedBy: _b, ...rest } = d;
    return rest;
  };
  return !deepEqual(strip(side), strip(base));
};

const mergeDeletion = (
  base: Doc | null,
  local: Doc,
  master: Doc,
  merged: Doc,
  conflicts: MergeConflict[],
): void => {
  const dl = local._deleted === true;
  const dm = master._deleted === true;
  if (!('_deleted' in local) && !('_deleted' in master)) return;
  if (dl === dm) {
    merged._deleted = dl;
    return;
  }
  const db = base !== null && base._deleted === true;
  const alive = dl ? master : local;
  let deleted: boolean;
  if (base === null) deleted = dm;
  else if (db)
    deleted = false; // the alive side restored it: a one-side change
  else deleted = !contentChanged(alive, base); // a deletion meets an edit: keep the edit
  merged._deleted = deleted;
  if (base === null || (!db && !deleted)) {
    conflicts.push({
      path: '_deleted',
      localValue: dl,
      masterValue: dm,
      winner: deleted === dl ? 'local' : 'master',
    });
  }
};
