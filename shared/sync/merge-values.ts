// Building blocks of the three-way merge (merge.ts): one value, and embedded arrays of
// objects matched by id.
import { deepEqual } from '../deep-equal';

export type MergeConflict = {
  /** `topic`, `address.city`, `lines[<line id>].quantity`, `lines[<line id>]`, `_deleted`… */
  path: string;
  localValue: unknown;
  masterValue: unknown;
  /** Whose value the merged record kept (the master, unless a rule says otherwise). */
  winner: 'local' | 'master';
};

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One value: a one-side change wins; a clash goes to the master and is reported. */
export const mergeValue = (
  path: string,
  base: unknown,
  local: unknown,
  master: unknown,
  conflicts: MergeConflict[],
): unknown => {
  if (deepEqual(local, master)) return master;
  if (deepEqual(local, base)) return master;
  if (deepEqual(master, base)) return local;
  conflicts.push({ path, localValue: local, masterValue: master, winner: 'master' });
  return master;
};

type Keyed = Obj & { id: string };
const isKeyedArray = (v: unknown): v is Keyed[] =>
  Array.isArray(v) && v.every((x) => isObj(x) && typeof x.id === 'string');

// Line fields computed from others: merged without reporting conflicts.
const DERIVED_LINE_FIELDS = new Set(['amount']);

const mergeLine = (
  path: string,
  base: Keyed | undefined,
  local: Keyed,
  master: Keyed,
  conflicts: MergeConflict[],
): Keyed => {
  const out: Obj = {};
  const keys = [...new Set([...Object.keys(master), ...Object.keys(local)])].sort();
  for (const key of keys) {
    const sink: MergeConflict[] = DERIVED_LINE_FIELDS.has(key) ? [] : conflicts;
    const v = mergeValue(`${path}.${key}`, base?.[key], local[key], master[key], sink);
    if (v !== undefined) out[key] = v;
  }
  return out as Keyed;
};

/**
 * Embedded lines matched by id: added on either side → kept; deleted on one side and
 * untouched on the other → deleted; deleted on one side and changed on the other → the
 * change is kept and reported. The master's order, then lines only the local side has.
 */
export const mergeById = (
  path: string,
  base: unknown,
  local: unknown,
  master: unknown,
  conflicts: MergeConflict[],
): unknown => {
  if (deepEqual(local, master) || deepEqual(local, base)) return master;
  if (deepEqual(master, base)) return local;
  if (
    !isKeyedArray(local) ||
    !isKeyedArray(master) ||
    (base !== undefined && !isKeyedArray(base))
  ) {
    return mergeValue(path, base, local, master, conflicts);
  }
  const byId = (arr: Keyed[] | undefined): Map<string, Keyed> =>
    new Map((arr ?? []).map((x) => [x.id, x]));
  const b = byId(base as Keyed[] | undefined);
  const l = byId(local);
  const m = byId(master);
  const ids = [...new Set([...master.map((x) => x.id), ...local.map((x) => x.id)])];
  const out: Keyed[] = [];
  for (const id of ids) {
    const at = `${path}[${id}]`;
    const bl = b.get(id);
    const ll = l.get(id);
    const ml = m.get(id);
    if (ll !== undefined && ml !== undefined) out.push(mergeLine(at, bl, ll, ml, conflicts));
    else if (ll !== undefined) {
      if (bl === undefined)
        out.push(ll); // added locally
      else if (!deepEqual(ll, bl)) {
        out.push(ll);
        conflicts.push({ path: at, localValue: ll, masterValue: null, winner: 'local' });
      } // else: removed on the master, untouched here → removed
    } else if (ml !== undefined) {
      if (bl === undefined)
        out.push(ml); // added on the master
      else if (!deepEqual(ml, bl)) {
        out.push(ml);
        conflicts.push({ path: at, localValue: null, masterValue: ml, winner: 'master' });
      }
    }
  }
  return out;
};

/** Conflicts in path order, so the same merge always reports them the same way. */
export const sortConflicts = (conflicts: MergeConflict[]): MergeConflict[] =>
  [...conflicts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
