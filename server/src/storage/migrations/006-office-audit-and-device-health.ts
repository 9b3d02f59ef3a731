// Version 6: the office's administration screens. Every admin action is kept in audit_log
// (who, when, what, the record before and after, as JSON text); a revoked device keeps its
// row, so its series is never handed out again; device_health holds what each device last
// told the server on a sync call (when, its app version, its refused changes waiting).
import type { Migration } from './types';

const tables = `
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT NOT NULL, actor_email TEXT NOT NULL,
  action TEXT NOT NULL, target TEXT NOT NULL, before_json TEXT, after_json TEXT);
CREATE INDEX audit_log_at ON audit_log (at);
ALTER TABLE devices ADD COLUMN revoked_at TEXT;
CREATE TABLE device_health (
  device_id TEXT PRIMARY KEY, last_sync_at TEXT NOT NULL, app_version TEXT,
  refused_waiting INTEGER, server_refused INTEGER NOT NULL DEFAULT 0, last_refused_at TEXT);
`;

export const officeAuditAndDeviceHealth: Migration = {
  version: 6,
  name: 'audit log, device revocation, device sync health',
  sqlite: tables,
  postgres: tables,
};
