// The shared storage's connection on SQLite: better-sqlite3 answers at once, so every call
// resolves immediately. It is one connection: a transaction holds it until it ends, and the
// calls other requests make meanwhile wait for it instead of running inside it.
import type Database from 'better-sqlite3';
import type { Row, SqlConnection } from './sql';

// better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become the 0/1
// this schema stores.
const bind = (params: readonly unknown[]): unknown[] =>
  params.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));

// Statements are prepared once per SQL text; the texts vary only with a batch's size.
const STATEMENTS_KEPT = 500;

export class SqliteConnection implements SqlConnection {
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Settles when the transaction in progress ends; null when there is none. Every call checks
   * it and runs in the same step, so nothing slips in between.
   */
  private busy: Promise<void> | null = null;
  /** Runs on the connection as it is: inside the transaction in progress. */
  private readonly direct: SqlConnection = {
    all: async (sql, params = []) => this.prepared(sql).all(...bind(params)) as Row[],
    get: async (sql, params = []) => this.prepared(sql).get(...bind(params)) as Row | undefined,
    run: async (sql, params = []) => this.prepared(sql).run(...bind(params)).changes,
    exec: async (script) => void this.db.exec(script),
    transaction: () => Promise.reject(new Error('SQLite transactions do not nest')),
  };

  constructor(private readonly db: Database.Database) {}

  private prepared(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (stmt === undefined) {
      if (this.statements.size >= STATEMENTS_KEPT) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async all(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    while (this.busy) await this.busy;
    return this.direct.all(sql, params);
  }
  async get(sql: string, params?: readonly unknown[]): Promise<Row | undefined> {
    while (this.busy) await this.busy;
    return this.direct.get(sql, params);
  }
  async run(sql: string, params?: readonly unknown[]): Promise<number> {
    while (this.busy) await this.busy;
    return this.direct.run(sql, params);
  }
  /**
   * The rows of a read of the last commit when it has at most `max`, read here at once; null
   * when it has more (after reading only one past `max`) or when a transaction is open on
   * this connection (its uncommitted rows must not show): the caller then reads elsewhere.
   */
  allUpTo(sql: string, params: readonly unknown[], max: number): Row[] | null {
    if (this.busy || this.db.inTransaction) return null;
    const rows: Row[] = [];
    // Leaving the loop early ends the statement's iteration.
    for (const row of this.prepared(sql).iterate(...bind(params))) {
      if (rows.length === max) return null;
      rows.push(row as Row);
    }
    return rows;
  }
  async exec(script: string): Promise<void> {
    while (this.busy) await this.busy;
    return this.direct.exec(script);
  }

  /**
   * BEGIN IMMEDIATE takes the database's write lock at the start (waiting up to the busy
   * timeout for another process), so writers never interleave: `serializeOn` holds for any key.
   */
  async transaction<T>(work: (tx: SqlConnection) => Promise<T>): Promise<T> {
    // Checked and taken in one step: an awaited helper would let two waiters through.
    while (this.busy) await this.busy;
    let release = (): void => undefined;
    this.busy = new Promise<void>((resolve) => (release = resolve));
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.busy = null;
      release();
    }
  }
}
