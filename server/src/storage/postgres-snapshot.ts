// PostgreSQL side of backup (snapshot.ts): every table is read through a cursor inside one
// REPEATABLE READ, READ ONLY transaction: one snapshot, fetched a page at a time, while the
// server keeps writing.
import type { PgConnection } from './postgres-connection';
import type { SqlDialect } from './sql';
import type { TableRows } from './types';
import { officeTables, selectAll, SNAPSHOT_PAGE } from './snapshot';

export const POSTGRES_TABLES = `SELECT table_name AS name FROM information_schema.tables
  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;

export const readSnapshot = (
  sql: PgConnection,
  dialect: SqlDialect,
  visit: (page: TableRows) => Promise<void>,
): Promise<void> =>
  sql.transaction(
    async (tx) => {
      for (const table of await officeTables(tx, dialect)) {
        await tx.exec(`DECLARE backup_rows NO SCROLL CURSOR FOR ${selectAll(table)}`);
        for (;;) {
          const rows = await tx.all(`FETCH ${SNAPSHOT_PAGE} FROM backup_rows`);
          if (rows.length > 0) await visit({ table, rows });
          if (rows.length < SNAPSHOT_PAGE) break;
        }
        await tx.exec('CLOSE backup_rows');
      }
    },
    {},
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
