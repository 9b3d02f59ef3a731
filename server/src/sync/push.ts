// Push (DESIGN.md §4): idempotent, conflict-checked against the stored master, permission-
// and rule-checked per row; rejected rows store nothing.
import type { LocalizedText } from '../../../shared/domain/errors';
import { recordTypeOfCollection } from '../../../shared/domain/records';
import type {
  PushResponse,
  RejectedRow,
  SyncCollection,
  WireDocument,
} from '../../../shared/sync/protocol';
import type { Principal } from '../auth/tokens';
import type { IssuedHolders, RowDecision, Storage, StoredDoc } from '../storage/types';
import { validateDocument } from '../validation';
import { checkWrite, isCatalog } from '../visibility';
import { upgradeRecord } from '../../../shared/domain/record-upgrade';
import { numberChecks } from './numbers';
import { sameDocument } from './same-document';

/** A row as the body schema lets it through: an object with a string id and a deletion flag. */
export type IncomingRow = {
  newDocumentState: Record<string, unknown> & { id: string; _deleted: boolean };
  assumedMasterState?: Record<string, unknown> | null;
};

type Outcome = { conflict?: WireDocument; rejected?: RejectedRow };

const ownerOf = (doc: Record<string, unknown>): string =>
  typeof doc.ownerId === 'string' ? doc.ownerId : '';

export const pushRows = async (
  storage: Storage,
  principal: Principal,
  collection: SyncCollection,
  rows: IncomingRow[],
): Promise<PushResponse> => {
  const type = recordTypeOfCollection[collection];
  const { actor } = principal;
  // Owners' teams are the server's truth; the device's word is never taken for them.
  const ownerTeams = new Map<string, string | null | undefined>();
  for (const owner of new Set(rows.map((r) => ownerOf(r.newDocumentState)))) {
    // The pushing user (a device's usual owner) was read with the session moments ago.
    const user =
      owner === ''
        ? null
        : owner === principal.user.id
          ? principal.user
          : await storage.findUserById(owner);
    ownerTeams.set(owner, user ? user.teamId : undefined);
  }
  const ids = rows.map((r) => r.newDocumentState.id);
  // A new number must be in a series of one of the pushing user's own devices.
  const numbers = numberChecks(type, new Set(await storage.seriesOfUser(principal.user.id)));

  const decideRow = (
    row: IncomingRow,
    stored: StoredDoc | null,
    holders: IssuedHolders,
    current: ReadonlyMap<string, StoredDoc>,
    seen: Set<string>,
  ): RowDecision<Outcome> => {
    const doc = row.newDocumentState;
    const reject = (
      code: RejectedRow['code'],
      messages: LocalizedText,
      field?: string,
    ): RowDecision<Outcome> => ({
      write: null,
      result: {
        rejected: { id: doc.id, code, message: messages.en, messages, ...(field ? { field } : {}) },
      },
    });
    if (seen.has(doc.id))
      return reject('invalid_document', {
        en: 'The same document was sent twice in one push.',
        it: 'Lo stesso documento è stato inviato due volte nello stesso invio.',
      });
    seen.add(doc.id);
    // Idempotence: the master already is this document.
    // Compared with the defaults of newer fields filled in: a device reads an older
    // device's document that way (record-upgrade.ts), and that is no conflict.
    const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      sameDocument(upgradeRecord(type, a), upgradeRecord(type, b));
    if (stored && same(stored.doc, doc)) return { write: null, result: {} };
    const owner = ownerOf(doc);
    const denied = checkWrite(actor, collection, stored, owner, ownerTeams.get(owner));
    if (denied) return reject(denied.code, denied.message, denied.field);
    const assumed = row.assumedMasterState ?? null;
    if (stored && (assumed === null || !same(stored.doc, assumed))) {
      return { write: null, result: { conflict: stored.doc } };
    }
    // Before the document rules, so a bad number is refused as such.
    const badNumber = numbers.malformed(doc, stored);
    if (badNumber) return reject(badNumber.code, badNumber.messages, badNumber.field);
    const checked = validateDocument(type, stored ? stored.doc : null, doc, actor);
    if (!checked.ok) return reject(checked.error.code, checked.error.message, checked.error.field);
    const refused = numbers.check(doc, stored, holders, current);
    if (refused) return reject(refused.code, refused.messages, refused.field);
    const teamId = isCatalog(collection) ? null : (ownerTeams.get(owner) ?? null);
    // Stored exactly as pushed (STACK.md): rewriting a compared field would fake conflicts.
    return { write: { id: doc.id, ownerId: owner, teamId, doc: doc as WireDocument }, result: {} };
  };

  const docs = rows.map((r) => r.newDocumentState);
  const outcomes = await storage.writeDocs(
    collection,
    // The documents revisions revise are read too: a revision keeps their number.
    [...ids, ...numbers.revisedIds(docs)],
    (current, holders) => {
      const seen = new Set<string>();
      return rows.map((row) =>
        decideRow(row, current.get(row.newDocumentState.id) ?? null, holders, current, seen),
      );
    },
    { lookup: numbers.lookup(docs), issued: numbers.issued },
  );
  return {
    conflicts: outcomes.flatMap((o) => (o.conflict ? [o.conflict] : [])),
    rejected: outcomes.flatMap((o) => (o.rejected ? [o.rejected] : [])),
  };
};
