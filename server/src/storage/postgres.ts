// PostgreSQL engine: several server processes over one database serve the same office. The
// shared storage (sql-storage.ts) runs on a pool; its serialized transactions take advisory
// locks (postgres-connection.ts). Changes fan out between processes with LISTEN/NOTIFY.
import pg from 'pg';
import type { SyncCollection } from '../../../shared/sync/protocol';
import { syncCollections } from '../../../shared/sync/protocol';
import { pendingMigrations, SCHEMA_TABLE_SQL } from './migrations';
import { PgConnection } from './postgres-connection';
import { POSTGRES_TABLES, readSnapshot } from './postgres-snapshot';
import type { SqlConnection, SqlDialect } from './sql';
import { SqlStorage } from './sql-storage';
import type { ChangeNotice, TableRows } from './types';

const CHANNEL = 'fairlead_changes';

export const postgresDialect: SqlDialect = {
  rowKey: 'id',
  forUpdate: ' FOR UPDATE',
  // The covering indexes of migration 8 answer both branches from the index alone; only the
  // page's own rows are then read.
  teamPullPage: (collection, ownerId, teamId, afterSeq, limit) => ({
    sql: `SELECT d.* FROM (
       SELECT id, seq FROM (
         (SELECT id, seq FROM docs WHERE collection = $1 AND owner_id = $2 AND seq > $4 ORDER BY seq LIMIT $5)
         UNION
         (SELECT id, seq FROM docs WHERE collection = $1 AND team_id = $3 AND seq > $4 ORDER BY seq LIMIT $5)
       ) AS branches ORDER BY seq LIMIT $5) AS page
     JOIN docs d ON d.collection = $1 AND d.id = page.id
     ORDER BY d.seq`,
    params: [collection, ownerId, teamId, afterSeq, limit],
  }),
  tablesSql: POSTGRES_TABLES,
  columnsOf: (table) => ({
    sql: 'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?',
    params: [table],
  }),
  bulkLoad: (_tx, _tables, load) => load(),
};

export type PostgresOptions = { poolMax?: number };

/** Applies the migrations the database lacks, each in its own transaction (caller holds the lock). */
const migrate = async (client: PgConnection): Promise<void> => {
  await client.exec(SCHEMA_TABLE_SQL);
  const current = await client.get('SELECT MAX(version) AS v FROM schema_migrations');
  for (const step of pendingMigrations(Number(current?.v ?? 0))) {
    await client.transaction(async (tx) => {
      await tx.exec(step.postgres);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        step.version,
        step.name,
        new Date().toISOString(),
      ]);
    });
  }
};

export class PostgresStorage extends SqlStorage {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    pool: pg.Pool,
  ) {
    const sql = new PgConnection(pool);
    super(sql, sql, postgresDialect);
    this.pool = pool;
  }

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolMax ?? 10 });
    // An idle client losing its connection must not crash the server.
    pool.on('error', () => undefined);
    const storage = new PostgresStorage(url, pool);
    // Several processes may start at once: serialize the schema setup.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7301)');
      try {
        await migrate(new PgConnection(client));
      } finally {
        await client.query('SELECT pg_advisory_unlock(7301)');
      }
    } catch (err) {
      client.release();
      await pool.end();
      throw err;
    }
    client.release();
    await storage.listen();
    return storage;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', () => undefined);
    // A lost LISTEN connection is re-opened; what it may have missed is announced to
    // every stream, so devices pull instead of waiting.
    client.on('end', () => {
      if (this.closed) return;
      this.listener = null;
      setTimeout(() => void this.relisten(), 1000).unref();
    });
    await client.connect();
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        this.hub.emit(JSON.parse(msg.payload) as ChangeNotice);
      } catch {
        // Not one of ours.
      }
    });
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private async relisten(): Promise<void> {
    if (this.closed) return;
    try {
      await this.listen();
      for (const r of await this.sql.all('SELECT collection, seq FROM counters')) {
        this.hub.emit({
          collection: String(r.collection) as SyncCollection,
          seq: Number(r.seq),
          ownerIds: [],
          teamIds: [],
          everyone: true,
        });
      }
    } catch {
      setTimeout(() => void this.relisten(), 2000).unref();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.hub.clear();
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** Delivered at COMMIT to every listening process, this one included. */
  protected async announceInTransaction(tx: SqlConnection, notice: ChangeNotice): Promise<void> {
    // NOTIFY payloads are limited to 8000 bytes: a huge batch tells every stream instead.
    const payload = JSON.stringify(notice);
    const fitting =
      payload.length < 7000
        ? payload
        : JSON.stringify({ ...notice, ownerIds: [], teamIds: [], everyone: true });
    await tx.run('SELECT pg_notify(?, ?)', [CHANNEL, fitting]);
  }

  protected announceCommitted(): void {
    // The notification comes back through LISTEN, as it does to every other process.
  }

  /** Every stream of every process tells its device to pull now. */
  protected async announceEpoch(): Promise<void> {
    for (const collection of syncCollections) {
      const notice = { collection, seq: 0, ownerIds: [], teamIds: [], everyone: true };
      await this.sql.run('SELECT pg_notify(?, ?)', [CHANNEL, JSON.stringify(notice)]);
    }
  }

  readSnapshot(visit: (page: TableRows) => Promise<void>): Promise<void> {
    return readSnapshot(new PgConnection(this.pool), this.dialect, visit);
  }
}
