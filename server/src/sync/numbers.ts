// The document numbers a push may store: well-formed, in a series of one of the pushing
// user's devices, and never taken by another document of the same kind. Only a new or
// changed number is checked, so a manager editing a seller's invoice keeps its number. The
// rules follow the kinds of shared/domain/numbering.ts: a new kind needs no change here.
import type { LocalizedText } from '../../../shared/domain/errors';
import type { NumberedKind, ParsedDocumentNumber } from '../../../shared/domain/numbering';
import {
  numberedKindsOf,
  numberFormats,
  parseDocumentNumber,
} from '../../../shared/domain/numbering';
import type { RecordType } from '../../../shared/domain/records';
import type { RejectionCode } from '../../../shared/sync/protocol';
import type {
  DocWrite,
  IssuedHolders,
  IssuedNumber,
  NumberingWork,
  NumberSeen,
  StoredDoc,
} from '../storage/types';
import { issuedKey } from '../storage/types';

type Doc = Record<string, unknown> & { id: string };

export type NumberRefusal = { code: RejectionCode; messages: LocalizedText; field: 'number' };

// A number as it may appear in a message: short, printable.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f]/g;
const shown = (value: unknown): string =>
  (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
    .replace(controls, '?')
    .slice(0, 40);

const refuse = (code: RejectionCode, en: string, it: string): NumberRefusal => ({
  code,
  messages: { en, it },
  field: 'number',
});

type Revision = { previousId: string; revision: number };

/** Which revision a document is, for kinds revised into new documents that keep the number. */
const revisionOf = (kind: NumberedKind, doc: Doc): Revision | null => {
  const fields = (numberFormats[kind] as NumberFormatEntry).revisions;
  if (fields === undefined) return null;
  const revision = doc[fields.revision];
  const previous = doc[fields.previous];
  return typeof revision === 'number' && revision > 0
    ? { previousId: typeof previous === 'string' ? previous : '', revision }
    : null;
};

type NumberFormatEntry = { revisions?: { previous: string; revision: string } };

/** What issued_numbers holds for a document: its number, or for a revision the number and revision. */
const issuedText = (number: string, revision: Revision | null): string =>
  revision === null ? number : `${number} rev ${revision.revision}`;

/** The numbering checks of one push to one collection. */
export const numberChecks = (type: RecordType, ownSeries: ReadonlySet<string>) => {
  const kinds: readonly NumberedKind[] = numberedKindsOf(type);
  const label = kinds[0] === undefined ? null : numberFormats[kinds[0]].label;
  // Numbers and documents accepted earlier in this push, and what the accepted rows take and raise.
  const inBatch = new Map<string, string>();
  const acceptedDocs = new Map<string, Doc>();
  const taken = new Map<string, IssuedNumber>();
  const seen = new Map<string, NumberSeen>();

  const parse = (value: unknown): ParsedDocumentNumber | null => {
    const parsed = typeof value === 'string' ? parseDocumentNumber(value) : null;
    return parsed !== null && kinds.includes(parsed.kind) ? parsed : null;
  };

  /** The numbers whose holders the write transaction must read. */
  const lookup = (docs: readonly Doc[]): NumberingWork['lookup'] =>
    docs.flatMap((doc) => {
      const parsed = parse(doc.number);
      if (parsed === null) return [];
      const number = String(doc.number);
      return [{ kind: parsed.kind, number: issuedText(number, revisionOf(parsed.kind, doc)) }];
    });

  /** The documents a revision in this push revises: the transaction reads them too. */
  const revisedIds = (docs: readonly Doc[]): string[] =>
    docs.flatMap((doc) => {
      const parsed = parse(doc.number);
      const revision = parsed === null ? null : revisionOf(parsed.kind, doc);
      // Only what could be an id reaches the database (no control characters).
      const id = revision?.previousId ?? '';
      return id === '' || id.length > 100 || /\p{Cc}/u.test(id) ? [] : [id];
    });

  // The number and, for revised kinds, the revision: what a document keeps once stored.
  const unchanged = (doc: Doc, stored: StoredDoc | null): boolean => {
    if (stored === null) return false;
    const before = stored.doc as Doc;
    return (
      before.number === doc.number &&
      kinds.every((kind) => {
        const fields = (numberFormats[kind] as NumberFormatEntry).revisions;
        return fields === undefined || before[fields.revision] === doc[fields.revision];
      })
    );
  };

  /** A refusal when a new or changed number does not parse as one of this record's kinds. */
  const malformed = (doc: Doc, stored: StoredDoc | null): NumberRefusal | null => {
    if (label === null || unchanged(doc, stored) || parse(doc.number) !== null) return null;
    return refuse(
      'malformed_number',
      `"${shown(doc.number)}" is not a valid ${label.en} number.`,
      `"${shown(doc.number)}" non è un numero di ${label.it} valido.`,
    );
  };

  const numberTaken = (text: string): NumberRefusal =>
    refuse(
      'number_taken',
      `The number ${text} is already used by another document.`,
      `Il numero ${text} è già usato da un altro documento.`,
    );

  /**
   * Null when the row's number may be stored; the refusal otherwise. Call in row order.
   * `current` holds the stored masters of the pushed documents and of those they revise.
   */
  const check = (
    doc: Doc,
    stored: StoredDoc | null,
    holders: IssuedHolders,
    current: ReadonlyMap<string, StoredDoc>,
  ): NumberRefusal | null => {
    if (label === null || unchanged(doc, stored)) return null;
    const parsed = parse(doc.number);
    if (parsed === null) return malformed(doc, stored);
    const text = String(doc.number);
    const revision = revisionOf(parsed.kind, doc);
    if (revision !== null) {
      // A revision keeps the number of the document it revises, one revision after it:
      // its series was checked when that number was first taken.
      const fields = (numberFormats[parsed.kind] as NumberFormatEntry).revisions;
      const previous =
        acceptedDocs.get(revision.previousId) ?? current.get(revision.previousId)?.doc;
      const before = previous as Doc | undefined;
      if (
        fields === undefined ||
        before === undefined ||
        before.number !== text ||
        before[fields.revision] !== revision.revision - 1
      )
        return refuse(
          'number_taken',
          `The number ${text} belongs to another ${label.en}: a revision keeps the number of the ${label.en} it revises.`,
          `Il numero ${text} appartiene a un'altra ${label.it}: una revisione mantiene il numero dell'${label.it} che rivede.`,
        );
    } else if (!ownSeries.has(parsed.series)) {
      return refuse(
        'foreign_series',
        `The number ${text} is in series ${parsed.series}, which is not the series of any of your devices.`,
        `Il numero ${text} è nella serie ${parsed.series}, che non è la serie di nessuno dei tuoi dispositivi.`,
      );
    }
    const issued = issuedText(text, revision);
    const key = issuedKey(parsed.kind, issued);
    const holder = holders.get(key) ?? inBatch.get(key);
    if (holder !== undefined && holder !== doc.id)
      return numberTaken(revision === null ? text : `${text} (rev. ${revision.revision})`);
    inBatch.set(key, doc.id);
    acceptedDocs.set(doc.id, doc);
    if (holder === undefined)
      taken.set(doc.id, { kind: parsed.kind, number: issued, docId: doc.id });
    const year = parsed.year === undefined ? '' : String(parsed.year);
    seen.set(doc.id, { series: parsed.series, kind: parsed.kind, year, seq: parsed.seq });
    return null;
  };

  /** What the accepted writes take: only rows that passed `check` and were written. */
  const issued = (writes: DocWrite[]): ReturnType<NumberingWork['issued']> => ({
    taken: writes.flatMap((w) => taken.get(w.id) ?? []),
    seen: writes.flatMap((w) => seen.get(w.id) ?? []),
  });

  return { lookup, revisedIds, malformed, check, issued };
};

/**
 * Numbers of office-written documents (demo data, imports): taken like a push's, except that
 * a number another document holds already is left to it instead of failing the import.
 * `decide` must hand the holders it sees to `see` before the write.
 */
export const officeNumbering = (type: RecordType, docs: readonly Doc[]) => {
  const kinds: readonly NumberedKind[] = numberedKindsOf(type);
  const parsedOf = new Map<string, ParsedDocumentNumber>();
  for (const doc of docs) {
    const parsed = typeof doc.number === 'string' ? parseDocumentNumber(doc.number) : null;
    if (parsed !== null && kinds.includes(parsed.kind)) parsedOf.set(doc.id, parsed);
  }
  const numberOf = new Map(
    docs.flatMap((d) => {
      const parsed = parsedOf.get(d.id);
      return parsed === undefined
        ? []
        : [[d.id, issuedText(String(d.number), revisionOf(parsed.kind, d))] as const];
    }),
  );
  let holders: IssuedHolders = new Map();
  const work: NumberingWork = {
    lookup: [...parsedOf].map(([id, p]) => ({ kind: p.kind, number: numberOf.get(id) ?? '' })),
    issued: (writes) => {
      const claimed = new Set<string>();
      const taken: IssuedNumber[] = [];
      const seen: NumberSeen[] = [];
      for (const w of writes) {
        const parsed = parsedOf.get(w.id);
        const number = numberOf.get(w.id) ?? '';
        if (parsed === undefined) continue;
        const key = issuedKey(parsed.kind, number);
        const year = parsed.year === undefined ? '' : String(parsed.year);
        seen.push({ series: parsed.series, kind: parsed.kind, year, seq: parsed.seq });
        if (holders.has(key) || claimed.has(key)) continue;
        claimed.add(key);
        taken.push({ kind: parsed.kind, number, docId: w.id });
      }
      return { taken, seen };
    },
  };
  return { work, see: (seen: IssuedHolders) => void (holders = seen) };
};
