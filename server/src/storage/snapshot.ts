// What backup and restore share across adapters: which tables are the office's, how big a
// page is, and the plain-words refusal to restore over an office.
import { randomBytes } from 'node:crypto';

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
