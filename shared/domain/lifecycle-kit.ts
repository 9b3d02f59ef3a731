// The shape of a record type's lifecycle table (lifecycle-tables.ts) and the typed lists read
// from it. Everything else about the lifecycle is derived from the tables (lifecycle-derive.ts).
import type { DeletionRule } from './deleters';

/** One state of a lifecycle. */
export type LifecycleState = {
  /** How far along the lifecycle the state is, for the merge: terminal alternatives share one. */
  readonly rank: number;
  /** Status reasons of the state, each with its merge rank (absent: the type has none). */
  readonly statuses?: Readonly<Record<string, number>>;
  /** Fields that may change while the document stays in the state (`'*'`: anything not
   * immutable); absent: the document is read-only in it. */
  readonly edits?: readonly string[];
  /** Who may delete a document in the state, and undo it; absent: nobody (deleters.ts). */
  readonly deletion?: DeletionRule;
};

/** A legal move from one state to another, into any status reason of the target state. */
export type LifecycleTransition = {
  readonly from: string;
  readonly to: string;
  /** The domain commands that make this move. */
  readonly commands: readonly string[];
  /** Fields the move may change (`'*'`: anything not immutable). */
  readonly fields: readonly string[];
  /** A step back (a reopening): the merge keeps the side further along, so it loses to a
   * concurrent forward step. */
  readonly backwards?: true;
};

/** A legal move between two status reasons of one state. */
export type LifecycleStatusMove = {
  readonly state: string;
  readonly from: string;
  readonly to: string;
  readonly commands: readonly string[];
  readonly backwards?: true;
};

export type LifecycleTable = {
  /** Where a new document starts (status empty for types without status reasons). */
  readonly initial: { readonly state: string; readonly status: string };
  /** The states, in the order the enums list them. */
  readonly states: Readonly<Record<string, LifecycleState>>;
  readonly transitions: readonly LifecycleTransition[];
  readonly statusMoves?: readonly LifecycleStatusMove[];
};

type StateName<T extends LifecycleTable> = Extract<keyof T['states'], string>;

type StatusName<T extends LifecycleTable, S extends StateName<T>> = {
  [K in S]: T['states'][K] extends { readonly statuses: infer R }
    ? Extract<keyof R, string>
    : never;
}[S];

/** A non-empty list, as `z.enum` wants it. */
type Names<N extends string> = readonly [N, ...N[]];

const nonEmpty = <N extends string>(names: string[], what: string): Names<N> => {
  if (names.length === 0) throw new Error(`a lifecycle lists no ${what}`);
  return names as unknown as Names<N>;
};

/** The states of a table, in table order. */
export const stateNames = <T extends LifecycleTable>(table: T): Names<StateName<T>> =>
  nonEmpty(Object.keys(table.states), 'states');

/** The status reasons of the given states (all states when none is given), in table order. */
export const statusNames = <T extends LifecycleTable, S extends StateName<T> = StateName<T>>(
  table: T,
  ...only: readonly S[]
): Names<StatusName<T, S>> =>
  nonEmpty(
    Object.entries(table.states)
      .filter(([state]) => only.length === 0 || (only as readonly string[]).includes(state))
      .flatMap(([, spec]) => Object.keys(spec.statuses ?? {})),
    'status reasons',
  );
