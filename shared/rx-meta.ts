// RxDB's bookkeeping on a document, and the document without it.
//
// The rule: RxDB reserves every top-level field name that starts with `_` (a collection
// schema cannot declare one, and the server refuses one from a device), so such a field is
// RxDB's — `_meta`, `_rev`, `_attachments`, `_deleted` — never a record's. `_deleted` is the
// one that says something about the record: it is kept where states of a document are
// compared, merged or sent ('keep'), and dropped where a record is validated or written back
// through a collection, which sets it itself ('drop').

type Doc = Record<string, unknown>;

export type DeletedFlag = 'keep' | 'drop';

/** `doc` without RxDB's bookkeeping fields; `_deleted` kept or dropped as asked. */
export const withoutRxMeta = <T extends Doc = Doc>(doc: Doc, deleted: DeletedFlag): T => {
  // Called for each comparison RxDB asks for, so a plain loop, one object.
  const out: Doc = {};
  for (const key in doc) {
    if (!Object.hasOwn(doc, key)) continue;
    if (key.startsWith('_') && !(key === '_deleted' && deleted === 'keep')) continue;
    out[key] = doc[key];
  }
  return out as T;
};
