// SQLite side of backup and restore (snapshot.ts). A backup reads through its own read-only
// connection inside one read transaction: in WAL mode that is one snapshot, and the server
// keeps writing meanwhile. A restore loads without the indexes and a larger page cache.
import Database from 'better-sqlite3';
import type { Row, SqlConnection } from './sql';
import type { TableRows } from './types';
import { isOfficeTable, selectAll, SNAPSHOT_PAGE } from './snapshot';

export const SQLITE_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";

export const readSnapshot = async (
  file: string,
  visit: (page: TableRows) => Promise<void>,
): Promise<void> => {
  const db = new Database(file, { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    // The first read fixes the snapshot every later read of this transaction sees.
    const tables = (db.prepare(SQLITE_TABLES).all() as Row[])
      .map((r) => String(r.name))
      .filter(isOfficeTable);
    for (const table of tables) {
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

/** Rows go in faster without their indexes: each index is built once, at the end. */
export const bulkLoad = async (
  tx: SqlConnection,
  tables: readonly string[],
  load: () => Promise<void>,
): Promise<void> => {
  // A large page cache for the bulk load (256 MiB at most), set back afterwards.
  const cacheSize = Number((await tx.get('PRAGMA cache_size'))?.cache_size);
  await tx.exec('PRAGMA cache_size = -262144');
  try {
    const indexes = (await tx.all(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
      tables,
    )) as { name: string; sql: string }[];
    for (const index of indexes) await tx.exec(`DROP INDEX "${index.name}"`);
    await load();
    for (const index of indexes) await tx.exec(index.sql);
  } finally {
    await tx.exec(`PRAGMA cache_size = ${cacheSize}`);
  }
};
