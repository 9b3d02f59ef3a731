// What a lifecycle rule hands back to the store (device) or the server: the full new
// documents to write, in a safe order for a store without multi-document transactions.
import type { NumberingState } from './numbering';
import type { RecordOf, RecordType } from './records';

/** One full document to insert or replace. */
export type Write = { [K in RecordType]: { type: K; doc: RecordOf[K] } }[RecordType];

/**
 * The outcome of a rule. `writes` come in a safe order: created/derived documents and
 * activities first, the document whose state marks the command as done last, so a retry
 * after a crash between writes re-creates the same documents (their ids are derived).
 * `numbering` is present only when the rule allocated a new document number.
 */
export type Effects = { writes: Write[]; numbering?: NumberingState; removals?: Removal[] };

/** A record the rule turns into a tombstone (see deletion.ts), after the writes. */
export type Removal = { type: RecordType; id: string };

export const write = <K extends RecordType>(type: K, doc: RecordOf[K]): Write =>
  ({ type, doc }) as Write;

/** The last written document of a type (the rule's main result), for callers and tests. */
export const written = <K extends RecordType>(
  effects: Effects,
  type: K,
  id?: string,
): RecordOf[K] | undefined => {
  for (let i = effects.writes.length - 1; i >= 0; i--) {
    const w = effects.writes[i];
    if (w !== undefined && w.type === type && (id === undefined || w.doc.id === id)) {
      return w.doc as RecordOf[K];
    }
  }
  return undefined;
};
