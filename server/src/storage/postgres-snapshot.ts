// PostgreSQL side of the epoch, backup and restore (snapshot.ts). A backup reads every
// table through cursors inside one REPEATABLE READ, READ ONLY transaction: one snapshot,
// fetched a page at a time, while the server keeps writing.
import type pg from 'pg';
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
type Queryable = pg.PoolClient | pg.Pool;

export const readEpoch = async (db: Queryable): Promise<ServerEpoch> => {
  const rows = (await db.query('SELECT key, value FROM server_meta')).rows as Row[];
  const get = (key: string): string | null => {
    const r = rows.find((x) => x.key === key);
    return r === undefined ? null : String(r.value);
  };
  return { id: get('epoch') ?? '', renewedAt: get('epoch_renewed_at') };
};

const setEpoch = async (client: pg.PoolClient): Promise<void> => {
  const put = `INSERT INTO server_meta (key, value) VALUES ($1, $2)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  await client.query(put, ['epoch', newEpochId()]);
  await client.query(put, ['epoch_renewed_at', new Date().toISOString()]);
};

const inTransaction = async <T>(
  pool: pg.Pool,
  begin: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
};

export const renewEpoch = (pool: pg.Pool, from?: string): Promise<ServerEpoch> =>
  inTransaction(pool, 'BEGIN', async (client) => {
    await client.query("SELECT 1 FROM server_meta WHERE key = 'epoch' FOR UPDATE");
    if (from === undefined || (await readEpoch(client)).id === from) await setEpoch(client);
    return readEpoch(client);
  });

const officeTables = async (db: Queryable): Promise<string[]> =>
  (
    (
      await db.query(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows as Row[]
  )
    .map((r) => String(r.table_name))
    .filter(isOfficeTable);

export const readSnapshot = (
  pool: pg.Pool,
  visit: (page: TableRows) => Promise<void>,
): Promise<void> =>
  inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
    for (const table of await officeTables(client)) {
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR ${selectAll(table)}`);
      for (;;) {
        const page = await client.query(`FETCH ${SNAPSHOT_PAGE} FROM backup_rows`);
        if (page.rows.length > 0) await visit({ table, rows: page.rows as Row[] });
        if (page.rows.length < SNAPSHOT_PAGE) break;
      }
      await client.query('CLOSE backup_rows');
    }
  });

// Rows per INSERT statement: well under PostgreSQL's 65 535 parameters for any table here.
const INSERT_ROWS = 500;

const insertRows = async (
  client: pg.PoolClient,
  table: string,
  rows: Row[],
  columns: ReadonlySet<string>,
): Promise<void> => {
  // Rows of one table share their columns; group anyway, a backup is outside input.
  const groups = new Map<string, unknown[][]>();
  for (const row of rows) {
    const entries = knownColumns(row, columns);
    const key = entries.map(([c]) => c).join(',');
    const group = groups.get(key) ?? [];
    group.push(
      entries.map(([, v]) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v)),
    );
    groups.set(key, group);
  }
  for (const [key, values] of groups) {
    const cols = key.split(',');
    for (let at = 0; at < values.length; at += INSERT_ROWS) {
      const chunk = values.slice(at, at + INSERT_ROWS);
      const tuples = chunk.map(
        (_, i) => `(${cols.map((__, j) => `$${i * cols.length + j + 1}`).join(', ')})`,
      );
      await client.query(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
        chunk.flat(),
      );
    }
  }
};

export const restoreTables = (
  pool: pg.Pool,
  pages: AsyncIterable<TableRows>,
  force: boolean,
): Promise<ServerEpoch> =>
  // One transaction for the whole restore: a bad or cut file leaves nothing behind.
  inTransaction(pool, 'BEGIN', async (client) => {
    const tables = await officeTables(client);
    const columns = new Map<string, Set<string>>();
    for (const t of tables) {
      const r = await client.query(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
        [t],
      );
      columns.set(t, new Set((r.rows as Row[]).map((x) => String(x.column_name))));
      if ((await client.query(`SELECT 1 FROM "${t}" LIMIT 1`)).rows.length === 0) continue;
      if (!force) throw notEmptyError(t);
      await client.query(`DELETE FROM "${t}"`);
    }
    for await (const page of pages) {
      const known = columns.get(page.table);
      if (known === undefined) throw unknownTableError(page.table);
      await insertRows(client, page.table, page.rows, known);
    }
    await setEpoch(client);
    return readEpoch(client);
  });
