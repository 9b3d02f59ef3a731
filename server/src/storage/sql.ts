// What the one storage definition (sql-storage.ts) needs from a database: plain queries with
// `?` placeholders (the PostgreSQL connection numbers them), transactions, and the few
// statements the two engines write differently (SqlDialect).
import type { SyncCollection } from '../../../shared/sync/protocol';

export type Row = Record<string, unknown>;

export type TransactionOptions = {
  /**
   * Transactions with the same key run one after another, across every process on the
   * database, for their whole length (SQLite: all writers are serialized anyway; PostgreSQL:
   * an advisory lock on the key).
   */
  serializeOn?: string;
};

/** Queries on one database, or inside one of its transactions. */
export type SqlConnection = {
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  get(sql: string, params?: readonly unknown[]): Promise<Row | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs a script of several statements without parameters (migrations, index rebuilds). */
  exec(script: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlConnection) => Promise<T>, options?: TransactionOptions): Promise<T>;
};

/** The reads a pull makes; SQLite answers them off the event loop (sqlite-reader.ts). */
export type SqlReads = Pick<SqlConnection, 'all' | 'get'>;

export type Statement = { sql: string; params: unknown[] };

/** What the engines write differently; everything else is the same SQL. */
export type SqlDialect = {
  /** What identifies a docs row in a UNION of the pull's branches (SQLite's rowid is free). */
  readonly rowKey: string;
  /** A row lock for a read-then-write ('' on SQLite, whose write transaction locks it all). */
  readonly forUpdate: string;
  /**
   * A page of what a seller sees when a team is involved: the owner's branch and the team's,
   * each walking its own index in checkpoint order to the page size, merged (migration 8).
   */
  teamPullPage(
    collection: SyncCollection,
    ownerId: string,
    teamId: string,
    afterSeq: number,
    limit: number,
  ): Statement;
  /** The database's tables, as rows of `name`. */
  readonly tablesSql: string;
  /** The columns of a table, as rows of `name`. */
  columnsOf(table: string): Statement;
  /** Runs `load`, the bulk load of a restore into `tables`, the engine's fastest way. */
  bulkLoad(tx: SqlConnection, tables: readonly string[], load: () => Promise<void>): Promise<void>;
};

/**
 * `?` placeholders as PostgreSQL's `$1, $2…` (the storage's SQL has no `?` in literals); a
 * PostgreSQL-only statement written with `$n` already passes as it is.
 */
export const numberedPlaceholders = (text: string): string => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

/** `(?, ?, …)` for one row of `width` values. */
const tuple = (width: number): string => `(${Array.from({ length: width }, () => '?').join(', ')})`;

// Rows per multi-row INSERT: well under either engine's parameter limit for any table here.
const INSERT_PARAMS = 4000;

/** Inserts rows of the same columns with as few multi-row statements as the limits allow. */
export const insertRows = async (
  sql: SqlConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  onConflict = '',
): Promise<void> => {
  const perStatement = Math.max(1, Math.floor(INSERT_PARAMS / Math.max(1, columns.length)));
  const names = columns.map((c) => `"${c}"`).join(', ');
  for (let at = 0; at < rows.length; at += perStatement) {
    const chunk = rows.slice(at, at + perStatement);
    const values = chunk.map(() => tuple(columns.length)).join(', ');
    await sql.run(`INSERT INTO "${table}" (${names}) VALUES ${values}${onConflict}`, chunk.flat());
  }
};

/** Splits a long list so a `WHERE … IN (…)` stays within the parameter limits. */
export const chunked = <T>(items: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
};
