// The lookup tables the checks use, derived from the lifecycle tables (lifecycle-tables.ts).
// Pure functions of the tables, so a test can derive them from a modified copy.
import type { LifecycleTable } from './lifecycle-kit';
import type { RecordType } from './records';

export type LifecycleTables = Partial<Record<RecordType, LifecycleTable>>;

type Table = Readonly<Record<string, readonly string[]>>;

type PerType<T> = Partial<Record<RecordType, T>>;

const perType = <T>(
  tables: LifecycleTables,
  derive: (table: LifecycleTable) => T | undefined,
): PerType<T> => {
  const out: PerType<T> = {};
  for (const [type, table] of Object.entries(tables) as [RecordType, LifecycleTable][]) {
    const derived = derive(table);
    if (derived !== undefined) out[type] = derived;
  }
  return out;
};

const hasStatuses = (table: LifecycleTable): boolean =>
  Object.values(table.states).some((s) => s.statuses !== undefined);

const grouped = (pairs: readonly (readonly [string, string])[]): Table => {
  const out: Record<string, string[]> = {};
  for (const [from, to] of pairs) (out[from] ??= []).push(to);
  return out;
};

/** Status reasons allowed in each state; absent for types without status reasons. */
export const deriveStatusesByState = (tables: LifecycleTables): PerType<Table> =>
  perType(tables, (table) =>
    hasStatuses(table)
      ? Object.fromEntries(
          Object.entries(table.states).map(([state, s]) => [state, Object.keys(s.statuses ?? {})]),
        )
      : undefined,
  );

/** Legal state moves, from → the states it may move to. */
export const deriveTransitions = (tables: LifecycleTables): PerType<Table> =>
  perType(tables, (table) => grouped(table.transitions.map((t) => [t.from, t.to] as const)));

/** Legal status moves within a state, from status → the statuses it may move to. */
export const deriveStatusMoves = (tables: LifecycleTables): PerType<Table> =>
  perType(tables, (table) =>
    table.statusMoves === undefined
      ? undefined
      : grouped(table.statusMoves.map((m) => [m.from, m.to] as const)),
  );

export type EditableTable = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/**
 * Fields a document in state `from` may change when it moves to state `to` (`to === from`:
 * staying); `'*'` means anything not immutable. Absent: read-only in that state.
 */
export const deriveEditableFields = (tables: LifecycleTables): PerType<EditableTable> =>
  perType(tables, (table) => {
    const out: Record<string, Record<string, readonly string[]>> = {};
    for (const [state, s] of Object.entries(table.states)) {
      if (s.edits !== undefined) (out[state] ??= {})[state] = s.edits;
    }
    for (const t of table.transitions) (out[t.from] ??= {})[t.to] = t.fields;
    return out;
  });

/** Where a new document of each type starts. */
export const deriveInitialStates = (
  tables: LifecycleTables,
): PerType<{ readonly state: string; readonly status: string }> =>
  perType(tables, (table) => table.initial);
