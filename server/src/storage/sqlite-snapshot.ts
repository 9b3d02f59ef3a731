// SQLite side of the epoch, backup and restore (snapshot.ts). A backup reads through its own
// read-only connection inside one read transaction: in WAL mode that is one snapshot, and
// the server keeps writing meanwhile.
import Database from 'better-sqlite3';
import type { ServerEpoch, TableRows } from './types';
import {
  isOfficeTable,
  knownColumns,
  newEpochId,
  notEmptyError,
  selectAll,
  SNAPSHOT_PAGE,
  unknownTableError,
} from './snapshot';

type Row = Record<string, unknown>;

export const readEpoch = (db: Database.Database): ServerEpoch => {
  const rows = db.prepare('SELECT key, value FROM server_meta').all() as Row[];
  const get = (key: string): string | null => {
    const r = rows.find((x) => x.key === key);
    return r === undefined ? null : String(r.value);
  };
  return { id: get('epoch') ?? '', renewedAt: get('epoch_renewed_at') };
};

const setEpoch = (db: Database.Database): void => {
  const put = db.prepare(
    'INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  put.run('epoch', newEpochId());
  put.run('epoch_renewed_at', new Date().toISOString());
};

export const renewEpoch = (db: Database.Database, from?: string): ServerEpoch => {
  db.transaction(() => {
    if (from === undefined || readEpoch(db).id === from) setEpoch(db);
  }).immediate();
  return readEpoch(db);
};

const officeTables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Row[])
    .map((r) => String(r.name))
    .filter(isOfficeTable);

export const readSnapshot = async (
  file: string,
  visit: (page: TableRows) => Promise<void>,
): Promise<void> => {
  const db = new Database(file, { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    // The first read fixes the snapshot every later read of this transaction sees.
    for (const table of officeTables(db)) {
      let rows: Row[] = [];
      for (const row of db.prepare(selectAll(table)).iterate() as IterableIterator<Row>) {
        rows.push(row);
        if (rows.length >= SNAPSHOT_PAGE) {
          await visit({ table, rows });
          rows = [];
        }
      }
      if (rows.length > 0) await visit({ table, rows });
    }
    db.exec('COMMIT');
  } finally {
    db.close();
  }
};

// better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans (from a
// PostgreSQL backup) become the 0/1 this schema stores.
const bindable = (v: unknown): unknown =>
  typeof v === 'boolean'
    ? v
      ? 1
      : 0
    : v !== null && typeof v === 'object'
      ? JSON.stringify(v)
      : v;

export const restoreTables = async (
  db: Database.Database,
  pages: AsyncIterable<TableRows>,
  force: boolean,
): Promise<ServerEpoch> => {
  const tables = officeTables(db);
  const columns = new Map(
    tables.map((t) => [
      t,
      new Set((db.prepare(`PRAGMA table_info("${t}")`).all() as Row[]).map((r) => String(r.name))),
    ]),
  );
  // A large page cache for the bulk load (256 MiB at most), set back afterwards.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  // One write transaction for the whole restore: a bad or cut file leaves nothing behind.
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const t of tables) {
      if (db.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get() === undefined) continue;
      if (!force) throw notEmptyError(t);
      db.prepare(`DELETE FROM "${t}"`).run();
    }
    // Rows go in faster without their indexes: each index is built once, at the end.
    const indexes = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
      )
      .all(...tables) as { name: string; sql: string }[];
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    const statements = new Map<string, Database.Statement>();
    for await (const page of pages) {
      const known = columns.get(page.table);
      if (known === undefined) throw unknownTableError(page.table);
      for (const row of page.rows) {
        const entries = knownColumns(row, known);
        const key = `${page.table}:${entries.map(([c]) => c).join(',')}`;
        let stmt = statements.get(key);
        if (stmt === undefined) {
          const cols = entries.map(([c]) => `"${c}"`).join(', ');
          stmt = db.prepare(
            `INSERT INTO "${page.table}" (${cols}) VALUES (${entries.map(() => '?').join(', ')})`,
          );
          statements.set(key, stmt);
        }
        stmt.run(...entries.map(([, v]) => bindable(v)));
      }
    }
    for (const index of indexes) db.exec(index.sql);
    setEpoch(db);
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return readEpoch(db);
};
