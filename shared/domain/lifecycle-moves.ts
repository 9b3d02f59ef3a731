// Which lifecycle moves a command may make, read from the lifecycle tables: the commands guard
// their state with these, and the screens offer an action only where its command can run.
import { typeNames } from './change-consistency';
import type { Result } from './errors';
import { fail, ok } from './errors';
import type { LifecycleTable } from './lifecycle-kit';
import { lifecycleTables } from './lifecycle-tables';
import type { RecordType } from './records';

/** Where a document stands in its lifecycle (status absent for types without reasons). */
export type LifecycleDoc = { readonly state: string; readonly status?: string };

const tableOf = (type: RecordType): LifecycleTable | undefined => lifecycleTables[type];

/** The commands the lifecycle table lists as moves out of where the document stands. */
export const availableCommands = (type: RecordType, doc: LifecycleDoc): readonly string[] => {
  const table = tableOf(type);
  if (table === undefined) return [];
  const moves = [
    ...table.transitions.filter((t) => t.from === doc.state),
    ...(table.statusMoves ?? []).filter((m) => m.state === doc.state && m.from === doc.status),
  ];
  return [...new Set(moves.flatMap((m) => m.commands))];
};

/** Whether the table lets `command` move a document from where it stands. */
export const canRun = (type: RecordType, command: string, doc: LifecycleDoc): boolean =>
  availableCommands(type, doc).includes(command);

/** Whether the table lists a move by `command` from `from` to `to` (state and status). */
export const listsMove = (
  type: RecordType,
  command: string,
  from: LifecycleDoc,
  to: LifecycleDoc,
): boolean => {
  const table = tableOf(type);
  const target = table?.states[to.state];
  if (table === undefined || target === undefined) return false;
  // A status reason must belong to the target state (types without reasons have none).
  const statuses = Object.keys(target.statuses ?? {});
  if (statuses.length > 0 ? !statuses.includes(to.status ?? '') : to.status !== undefined) {
    return false;
  }
  if (from.state !== to.state) {
    return table.transitions.some(
      (t) => t.from === from.state && t.to === to.state && t.commands.includes(command),
    );
  }
  return (table.statusMoves ?? []).some(
    (m) =>
      m.state === from.state &&
      m.from === from.status &&
      m.to === to.status &&
      m.commands.includes(command),
  );
};

/**
 * The last check of a command that moves a document: the move must be one the table lists
 * for it, so no command makes a move the server would refuse.
 */
export const checkMove = (
  type: RecordType,
  command: string,
  from: LifecycleDoc,
  to: LifecycleDoc,
): Result<void> => {
  if (listsMove(type, command, from, to)) return ok(undefined);
  // Named as validate-change names it: the states, or the status reasons within one state.
  const field = from.state === to.state ? 'status' : 'state';
  const [a, b] = field === 'state' ? [from.state, to.state] : [from.status, to.status];
  return fail(
    'change.illegal_transition',
    `A ${typeNames[type].en} cannot go from ${a ?? ''} to ${b ?? ''}.`,
    `Non è possibile portare ${typeNames[type].it} da "${a ?? ''}" a "${b ?? ''}".`,
    field,
  );
};
