// Who may turn a record into a tombstone, and who may bring it back (DESIGN.md §3). The
// lifecycle tables give each state one of these rules; deletion.ts applies them.

/** Who may act on a record: its owner, a manager (of its team), the office administrator. */
export type Deleter = 'owner' | 'manager' | 'admin';

/** Who may delete a record in a state, and who may undo that deletion. Empty: nobody. */
export type DeletionRule = {
  readonly delete: readonly Deleter[];
  readonly undelete: readonly Deleter[];
};

export const nobody: DeletionRule = { delete: [], undelete: [] };
const people: readonly Deleter[] = ['owner', 'manager', 'admin'];
// Anything a person may delete may come back: a deletion on one device meets an edit on
// another, and the sync merge keeps the edit (shared/sync/merge.ts).
export const byPeople: DeletionRule = { delete: people, undelete: people };
export const byManagers: DeletionRule = {
  delete: ['manager', 'admin'],
  undelete: ['manager', 'admin'],
};
export const byAdmin: DeletionRule = { delete: ['admin'], undelete: ['admin'] };
