// SQLite engine: one file in the data folder, WAL, the shared storage (sql-storage.ts) over
// one connection whose write transactions begin IMMEDIATE; pull pages of more than a few rows
// and the counts read in a worker (sqlite-reader.ts); commits of other processes on the file
// are noticed by polling.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncCollection } from '../../../shared/sync/protocol';
import { syncCollections } from '../../../shared/sync/protocol';
import { pendingMigrations, SCHEMA_TABLE_SQL } from './migrations';
import { EPOCH_SQL, toEpoch } from './snapshot';
import type { Row, SqlDialect } from './sql';
import { SqlStorage } from './sql-storage';
import { SqliteConnection } from './sqlite-connection';
import { SqliteReader } from './sqlite-reader';
import { bulkLoad, readSnapshot, SQLITE_TABLES } from './sqlite-snapshot';
import type { ChangeNotice, ServerEpoch, TableRows } from './types';

export const sqliteDialect: SqlDialect = {
  rowKey: 'rowid',
  forUpdate: '',
  // The rowids of both branches' pages, then the page's rows by rowid.
  teamPullPage: (collection, ownerId, teamId, afterSeq, limit) => ({
    sql: `SELECT * FROM docs WHERE rowid IN (
       SELECT rowid FROM (SELECT rowid FROM docs WHERE collection = ? AND owner_id = ? AND seq > ? ORDER BY seq LIMIT ?)
       UNION
       SELECT rowid FROM (SELECT rowid FROM docs WHERE collection = ? AND team_id = ? AND seq > ? ORDER BY seq LIMIT ?))
     ORDER BY seq LIMIT ?`,
    params: [collection, ownerId, afterSeq, limit, collection, teamId, afterSeq, limit, limit],
  }),
  tablesSql: SQLITE_TABLES,
  columnsOf: (table) => ({ sql: `PRAGMA table_info("${table}")`, params: [] }),
  bulkLoad,
};

const one = (db: Database.Database, sql: string): Row | undefined =>
  db.prepare(sql).get() as Row | undefined;

/** Applies the migrations this file lacks, each in its own immediate transaction. */
const migrate = (db: Database.Database): void => {
  db.exec(SCHEMA_TABLE_SQL);
  const current = (): number =>
    Number(one(db, 'SELECT MAX(version) AS v FROM schema_migrations')?.v ?? 0);
  for (const step of pendingMigrations(current())) {
    db.transaction(() => {
      // Another process may have applied it while this one waited for the lock.
      if (current() >= step.version) return;
      db.exec(step.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        step.version,
        step.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
};

const openDatabase = (file: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
};

const COUNTERS = 'SELECT collection, seq FROM counters';

/** Rows a pull page may have to be read on the main connection rather than in the worker. */
const SMALL_READ = 32;

export class SqliteStorage extends SqlStorage {
  readonly kind = 'sqlite';
  readonly file: string;
  private readonly db: Database.Database;
  /** Large pull pages and the counts read here, off the event loop (sqlite-reader.ts). */
  private readonly reader: SqliteReader;
  /** The highest seq per collection this process has announced. */
  private readonly announced = new Map<string, number>();
  private readonly poller: NodeJS.Timeout;
  /** The epoch this process last told its streams about. */
  private epochSeen: string;

  constructor(dataDir: string, pollMs = 1000) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'fairlead.sqlite');
    const db = openDatabase(file);
    const reader = new SqliteReader(file);
    const connection = new SqliteConnection(db);
    super(
      connection,
      {
        // A page of a few rows (a device's sync between two edits) costs less read here
        // than the hand-off to the worker and back; a larger one is read in the worker.
        all: async (sql, params = []) =>
          connection.allUpTo(sql, params, SMALL_READ) ?? reader.all(sql, ...params),
        get: (sql, params = []) => reader.one(sql, ...params),
      },
      sqliteDialect,
    );
    this.file = file;
    this.db = db;
    this.reader = reader;
    this.noteCounters(db.prepare(COUNTERS).all() as Row[]);
    this.epochSeen = toEpoch(db.prepare(EPOCH_SQL).all() as Row[]).id;
    // Another process on the same file (the admin CLI) writes without telling this one:
    // notice its commits from the counters and tell every stream. A failed poll is retried
    // on the next tick.
    this.poller = setInterval(() => {
      this.pollForeignWrites().catch(() => undefined);
    }, pollMs);
    this.poller.unref();
  }

  private noteCounters(rows: readonly Row[]): void {
    for (const r of rows) this.announced.set(String(r.collection), Number(r.seq));
  }

  protected async announceInTransaction(): Promise<void> {
    // Told after the commit (announceCommitted): other processes poll the counters.
  }

  protected announceCommitted(notice: ChangeNotice): void {
    const { collection, seq } = notice;
    this.announced.set(collection, Math.max(this.announced.get(collection) ?? 0, seq));
    this.hub.emit(notice);
  }

  protected async announceEpoch(): Promise<void> {
    const epoch = (await this.serverEpoch()).id;
    if (epoch === this.epochSeen) return;
    this.epochSeen = epoch;
    for (const collection of syncCollections)
      this.hub.emit({ collection, seq: 0, ownerIds: [], teamIds: [], everyone: true });
  }

  private async pollForeignWrites(): Promise<void> {
    if (!this.db.open) return;
    await this.announceEpoch();
    for (const r of await this.sql.all(COUNTERS)) {
      const collection = String(r.collection) as SyncCollection;
      const seq = Number(r.seq);
      if (seq <= (this.announced.get(collection) ?? 0)) continue;
      this.announced.set(collection, seq);
      this.hub.emit({ collection, seq, ownerIds: [], teamIds: [], everyone: true });
    }
  }

  async close(): Promise<void> {
    clearInterval(this.poller);
    this.hub.clear();
    await this.reader.close();
    this.db.close();
  }

  readSnapshot(visit: (page: TableRows) => Promise<void>): Promise<void> {
    return readSnapshot(this.file, visit);
  }

  override async restoreTables(
    pages: AsyncIterable<TableRows>,
    options: { force: boolean },
  ): Promise<ServerEpoch> {
    const epoch = await super.restoreTables(pages, options);
    // The restored counters are the office's own history, not news for this process.
    this.noteCounters(await this.sql.all(COUNTERS));
    return epoch;
  }
}
