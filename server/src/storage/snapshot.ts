// The epoch, backup and restore over either database: which tables are the office's, how big
// a page is, the plain-words refusal to restore over an office, and the restore itself (one
// transaction; a bad or cut file leaves nothing behind). Each engine reads its backup its own
// way (sqlite-snapshot.ts, postgres-snapshot.ts).
import { randomBytes } from 'node:crypto';
import type { Row, SqlConnection, SqlDialect } from './sql';
import { insertRows } from './sql';
import type { ServerEpoch, TableRows } from './types';

/** Rows per page when streaming a table: bounds memory whatever the office's size. */
export const SNAPSHOT_PAGE = 1000;

// The schema version belongs to the code that opened the database, and the epoch is
// renewed by every restore: neither travels in a backup.
const notOffice = new Set(['schema_migrations', 'server_meta']);

export const isOfficeTable = (name: string): boolean =>
  !notOffice.has(name) && !name.startsWith('sqlite_');

/** Documents stream in sequence order; every other table in whatever order it is stored. */
export const selectAll = (table: string): string =>
  table === 'docs' ? 'SELECT * FROM docs ORDER BY collection, seq' : `SELECT * FROM "${table}"`;

export const newEpochId = (): string => randomBytes(16).toString('hex');

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

export const notEmptyError = (table: string): RestoreRefusedError =>
  new RestoreRefusedError(
    `This database already holds an office (table ${table} is not empty). Restore into an empty data folder or database, or add --force to replace everything in it.`,
  );

export const unknownTableError = (table: string): RestoreRefusedError =>
  new RestoreRefusedError(
    `The backup holds a table "${table.slice(0, 60)}" this server does not know: it was written by a newer release. Upgrade the server first.`,
  );

/** Only the columns the target table has: a backup of an older schema restores into a newer one. */
export const knownColumns = (
  row: Record<string, unknown>,
  columns: ReadonlySet<string>,
): [string, unknown][] => Object.entries(row).filter(([c]) => columns.has(c));

export const EPOCH_SQL = 'SELECT key, value FROM server_meta';

export const toEpoch = (rows: readonly Row[]): ServerEpoch => {
  const get = (key: string): string | null => {
    const r = rows.find((x) => x.key === key);
    return r === undefined ? null : String(r.value);
  };
  return { id: get('epoch') ?? '', renewedAt: get('epoch_renewed_at') };
};

export const readEpoch = async (sql: SqlConnection): Promise<ServerEpoch> =>
  toEpoch(await sql.all(EPOCH_SQL));

const setEpoch = async (tx: SqlConnection): Promise<void> => {
  const put = `INSERT INTO server_meta (key, value) VALUES (?, ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  await tx.run(put, ['epoch', newEpochId()]);
  await tx.run(put, ['epoch_renewed_at', new Date().toISOString()]);
};

export const renewEpoch = (
  sql: SqlConnection,
  dialect: SqlDialect,
  from?: string,
): Promise<ServerEpoch> =>
  sql.transaction(async (tx) => {
    await tx.all(`SELECT 1 FROM server_meta WHERE key = 'epoch'${dialect.forUpdate}`);
    if (from === undefined || (await readEpoch(tx)).id === from) await setEpoch(tx);
    return readEpoch(tx);
  });

export const officeTables = async (sql: SqlConnection, dialect: SqlDialect): Promise<string[]> =>
  (await sql.all(dialect.tablesSql)).map((r) => String(r.name)).filter(isOfficeTable);

const bindable = (v: unknown): unknown =>
  v !== null && typeof v === 'object' ? JSON.stringify(v) : v;

/** Loads rows of a table, grouped by the columns they have (a backup is outside input). */
const loadRows = async (
  tx: SqlConnection,
  table: string,
  rows: readonly Record<string, unknown>[],
  columns: ReadonlySet<string>,
): Promise<void> => {
  const groups = new Map<string, unknown[][]>();
  for (const row of rows) {
    const entries = knownColumns(row, columns);
    const key = entries.map(([c]) => c).join(',');
    const group = groups.get(key) ?? [];
    group.push(entries.map(([, v]) => bindable(v)));
    groups.set(key, group);
  }
  for (const [key, values] of groups) await insertRows(tx, table, key.split(','), values);
};

export const restoreTables = (
  sql: SqlConnection,
  dialect: SqlDialect,
  pages: AsyncIterable<TableRows>,
  force: boolean,
): Promise<ServerEpoch> =>
  sql.transaction(async (tx) => {
    const tables = await officeTables(tx, dialect);
    const columns = new Map<string, Set<string>>();
    for (const t of tables) {
      const { sql: text, params } = dialect.columnsOf(t);
      columns.set(t, new Set((await tx.all(text, params)).map((r) => String(r.name))));
      if ((await tx.get(`SELECT 1 FROM "${t}" LIMIT 1`)) === undefined) continue;
      if (!force) throw notEmptyError(t);
      await tx.run(`DELETE FROM "${t}"`);
    }
    await dialect.bulkLoad(tx, tables, async () => {
      for await (const page of pages) {
        const known = columns.get(page.table);
        if (known === undefined) throw unknownTableError(page.table);
        await loadRows(tx, page.table, page.rows, known);
      }
    });
    await setEpoch(tx);
    return readEpoch(tx);
  });
