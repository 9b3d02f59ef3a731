// The shared storage's connection on PostgreSQL: queries on the pool (or on one client inside
// a transaction), with the storage's `?` placeholders numbered.
import pg from 'pg';
import type { Row, SqlConnection, TransactionOptions } from './sql';
import { numberedPlaceholders } from './sql';

export class PgConnection implements SqlConnection {
  constructor(private readonly db: pg.Pool | pg.PoolClient) {}

  async all(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.db.query(numberedPlaceholders(sql), [...params])).rows as Row[];
  }
  async get(sql: string, params?: readonly unknown[]): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.db.query(numberedPlaceholders(sql), [...params])).rowCount ?? 0;
  }
  async exec(script: string): Promise<void> {
    await this.db.query(script);
  }

  /**
   * On a client of its own from the pool (or this connection's client). `serializeOn` takes a
   * transaction-level advisory lock on the key's hash, released by COMMIT or ROLLBACK; `begin`
   * may ask for another isolation (a backup's one snapshot).
   */
  async transaction<T>(
    work: (tx: SqlConnection) => Promise<T>,
    options: TransactionOptions = {},
    begin = 'BEGIN',
  ): Promise<T> {
    const own = this.db instanceof pg.Pool;
    const client = this.db instanceof pg.Pool ? await this.db.connect() : this.db;
    try {
      await client.query(begin);
      if (options.serializeOn !== undefined)
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [options.serializeOn]);
      const result = await work(new PgConnection(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      if (own) (client as pg.PoolClient).release();
    }
  }
}
