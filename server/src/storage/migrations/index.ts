// The server's schema history, oldest first. A release that changes the tables appends one
// migration here; the storage adapters apply what a database lacks at start-up, each step in
// its own transaction, and refuse a database written by a newer release.
import { baseline } from './001-baseline';
import { installationsAndIssuedNumbers } from './002-installations-and-issued-numbers';
import { loginThrottle } from './003-login-throttle';
import { serverEpoch } from './004-server-epoch';
import { officeAuditAndDeviceHealth } from './006-office-audit-and-device-health';
import { handovers } from './007-handovers';
import { pullIndexes } from './008-pull-indexes';
import type { Migration } from './types';

export type { Migration } from './types';

export const migrations: readonly Migration[] = [
  baseline,
  installationsAndIssuedNumbers,
  loginThrottle,
  serverEpoch,
  officeAuditAndDeviceHealth,
  handovers,
  pullIndexes,
];

export const latestVersion = (): number => migrations.at(-1)?.version ?? 0;

/** What start-up must do for a database at `current`: the steps to apply, or a plain refusal. */
export const pendingMigrations = (current: number, known = migrations): Migration[] => {
  const latest = known.at(-1)?.version ?? 0;
  if (current > latest)
    throw new SchemaTooNewError(
      `This database has schema version ${current}, written by a newer Fairlead server; this one knows up to version ${latest}. Upgrade the server before starting it on this database.`,
    );
  return known.filter((m) => m.version > current);
};

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

export const SCHEMA_TABLE_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;
