// The documents' queries, written once for both engines: a write's reads and inserts (run
// inside the serialized transaction of SqlStorage.writeDocs) and the pulls' pages and counts.
import type { SyncCollection } from '../../../shared/sync/protocol';
import { handoversOf, noticeWithHandovers } from './handovers';
import { docText, toStoredDoc } from './rows';
import type { SqlConnection, SqlDialect, SqlReads } from './sql';
import { chunked, insertRows } from './sql';
import type {
  ChangeNotice,
  DocRemoval,
  DocWrite,
  IssuedNumber,
  NumberingWork,
  NumberSeen,
  PullScope,
  StoredDoc,
} from './types';
import { issuedKey } from './types';

export const readDocs = async (
  sql: SqlConnection,
  collection: SyncCollection,
  ids: readonly string[],
): Promise<Map<string, StoredDoc>> => {
  const out = new Map<string, StoredDoc>();
  for (const part of chunked([...new Set(ids)])) {
    const rows = await sql.all(
      `SELECT * FROM docs WHERE collection = ? AND id IN (${part.map(() => '?').join(', ')})`,
      [collection, ...part],
    );
    for (const r of rows) out.set(String(r.id), toStoredDoc(r));
  }
  return out;
};

/** Who holds the numbers a write must see, keyed by issuedKey(kind, number). */
export const readHolders = async (
  sql: SqlConnection,
  numbering: NumberingWork | undefined,
): Promise<Map<string, string>> => {
  const out = new Map<string, string>();
  for (const part of chunked(numbering?.lookup ?? [])) {
    const rows = await sql.all(
      `SELECT kind, number, doc_id FROM issued_numbers WHERE ${part.map(() => '(kind = ? AND number = ?)').join(' OR ')}`,
      part.flatMap((n) => [n.kind, n.number]),
    );
    for (const r of rows) out.set(issuedKey(String(r.kind), String(r.number)), String(r.doc_id));
  }
  return out;
};

const UPSERT_DOC = ` ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq,
  owner_id = excluded.owner_id, team_id = excluded.team_id, deleted = excluded.deleted,
  updated_at = excluded.updated_at, doc = excluded.doc`;

/**
 * Writes accepted documents with the collection's next seqs, their handovers and the numbers
 * they take; resolves to the change notice. Must run in the collection's serialized write
 * transaction (see SqlStorage.writeDocs).
 */
export const insertDocs = async (
  tx: SqlConnection,
  collection: SyncCollection,
  writes: readonly DocWrite[],
  current: ReadonlyMap<string, StoredDoc>,
  issued: { taken: IssuedNumber[]; seen: NumberSeen[] },
): Promise<ChangeNotice> => {
  const counter = await tx.get(
    `INSERT INTO counters (collection, seq) VALUES (?, ?) ON CONFLICT (collection)
     DO UPDATE SET seq = counters.seq + excluded.seq RETURNING seq`,
    [collection, writes.length],
  );
  const last = Number(counter?.seq);
  const first = last - writes.length + 1;
  const now = new Date().toISOString();
  await insertRows(
    tx,
    'docs',
    ['collection', 'id', 'seq', 'owner_id', 'team_id', 'deleted', 'updated_at', 'doc'],
    writes.map((w, i) => [
      collection,
      w.id,
      first + i,
      w.ownerId,
      w.teamId,
      w.doc._deleted === true,
      now,
      docText(w.doc),
    ]),
    UPSERT_DOC,
  );
  const handovers = handoversOf(writes, current, first);
  await insertRows(
    tx,
    'handovers',
    ['collection', 'doc_id', 'seq', 'from_owner_id', 'from_team_id'],
    handovers.map((h) => [collection, h.docId, h.seq, h.fromOwnerId, h.fromTeamId]),
  );
  // A plain insert: the primary key (kind, number) refuses a number taken twice.
  await insertRows(
    tx,
    'issued_numbers',
    ['kind', 'number', 'doc_id'],
    issued.taken.map((n) => [n.kind, n.number, n.docId]),
  );
  // One upsert per series, kind and year, with the highest sequence seen.
  const highest = new Map<string, NumberSeen>();
  for (const n of issued.seen) {
    const key = `${n.series} ${n.kind} ${n.year}`;
    if ((highest.get(key)?.seq ?? 0) < n.seq) highest.set(key, n);
  }
  for (const n of highest.values()) {
    await tx.run(
      `INSERT INTO numbering (series, kind, year, seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (series, kind, year) DO UPDATE SET seq = excluded.seq
       WHERE excluded.seq > numbering.seq`,
      [n.series, n.kind, n.year, n.seq],
    );
  }
  return noticeWithHandovers(
    {
      collection,
      seq: last,
      ownerIds: [...new Set(writes.map((w) => w.ownerId))],
      teamIds: [...new Set(writes.map((w) => w.teamId))],
    },
    handovers,
  );
};

// Each branch of a pull walks one index in checkpoint order and stops at the page size: a
// seller's page costs the page, not the collection (an OR would scan the collection's
// sequence and filter).
export const pullPage = async (
  reads: SqlReads,
  dialect: SqlDialect,
  collection: SyncCollection,
  scope: PullScope,
  afterSeq: number,
  limit: number,
): Promise<StoredDoc[]> => {
  const page =
    scope.kind === 'all'
      ? {
          sql: 'SELECT * FROM docs WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?',
          params: [collection, afterSeq, limit],
        }
      : scope.teamId === null
        ? {
            sql: 'SELECT * FROM docs WHERE collection = ? AND owner_id = ? AND seq > ? ORDER BY seq LIMIT ?',
            params: [collection, scope.ownerId, afterSeq, limit],
          }
        : dialect.teamPullPage(collection, scope.ownerId, scope.teamId, afterSeq, limit);
  return (await reads.all(page.sql, page.params)).map(toStoredDoc);
};

/** Documents handed over away from `scope` after `afterSeq`, and not back in its sight since. */
export const removalsPage = async (
  reads: SqlReads,
  collection: SyncCollection,
  scope: PullScope,
  afterSeq: number,
  limit: number,
): Promise<DocRemoval[]> => {
  if (scope.kind === 'all') return [];
  const rows = await reads.all(
    `SELECT h.doc_id AS id, h.seq AS seq FROM handovers h
       JOIN docs d ON d.collection = h.collection AND d.id = h.doc_id
     WHERE h.collection = ? AND h.seq > ?
       AND (h.from_owner_id = ? OR (CAST(? AS TEXT) IS NOT NULL AND h.from_team_id = ?))
       AND NOT (d.owner_id = ? OR (CAST(? AS TEXT) IS NOT NULL AND d.team_id IS NOT NULL AND d.team_id = ?))
     ORDER BY h.seq LIMIT ?`,
    [
      collection,
      afterSeq,
      scope.ownerId,
      scope.teamId,
      scope.teamId,
      scope.ownerId,
      scope.teamId,
      scope.teamId,
      limit,
    ],
  );
  return rows.map((r) => ({ id: String(r.id), seq: Number(r.seq) }));
};

/** The same branches as a pull, each a range of one covering index; the union counts once. */
export const countVisible = async (
  reads: SqlReads,
  dialect: SqlDialect,
  collection: SyncCollection,
  scope: PullScope,
  afterSeq: number,
): Promise<number> => {
  const key = dialect.rowKey;
  const row =
    scope.kind === 'all'
      ? await reads.get('SELECT COUNT(*) AS n FROM docs WHERE collection = ? AND seq > ?', [
          collection,
          afterSeq,
        ])
      : scope.teamId === null
        ? await reads.get(
            'SELECT COUNT(*) AS n FROM docs WHERE collection = ? AND owner_id = ? AND seq > ?',
            [collection, scope.ownerId, afterSeq],
          )
        : await reads.get(
            `SELECT COUNT(*) AS n FROM (
               SELECT ${key} FROM docs WHERE collection = ? AND owner_id = ? AND seq > ?
               UNION SELECT ${key} FROM docs WHERE collection = ? AND team_id = ? AND seq > ?) AS visible`,
            [collection, scope.ownerId, afterSeq, collection, scope.teamId, afterSeq],
          );
  return Number(row?.n ?? 0);
};
