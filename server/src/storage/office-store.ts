// The administration tables (migration 6) over either database: the same SQL for SQLite and
// PostgreSQL, written with `?` placeholders that the PostgreSQL connection numbers (sql.ts).
import type { Role } from '../../../shared/domain/context';

type Row = Record<string, unknown>;

/** What the storage lends the office store: plain queries on its connection (sql.ts). */
export type SqlRunner = {
  all(sql: string, params: unknown[]): Promise<Row[]>;
  run(sql: string, params: unknown[]): Promise<number>;
};

/** One audited admin action: who did what to which record, and the record before and after. */
export type AuditEntry = {
  id: string;
  at: string;
  actorId: string;
  actorEmail: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
};

/** What a device last told the server on a sync call. */
export type DeviceHealth = {
  deviceId: string;
  lastSyncAt: string;
  appVersion: string | null;
  /** The device's own count of refused changes waiting on it; null when it does not say. */
  refusedWaiting: number | null;
  /** Rows the server refused from this device, all told, and when it last did. */
  serverRefused: number;
  lastRefusedAt: string | null;
};

export type OfficeStore = {
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; `before` pages back from an entry's time. */
  /**
   * Newest first; with `before` (an entry's id), the entries older than that one — in the
   * order of (at, id), so entries of the same instant are neither skipped nor repeated.
   */
  listAudit(options: { limit: number; before?: string }): Promise<AuditEntry[]>;
  setUserRole(userId: string, role: Role, teamId: string | null): Promise<void>;
  setUserTeam(userId: string, teamId: string | null): Promise<void>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /**
   * Retires a device: marks it revoked, frees its installation id (a new sign-in there is a
   * new device with a new series) and revokes its sessions. The series stays taken.
   */
  revokeDevice(deviceId: string, at: string): Promise<void>;
  /** When the device was revoked, or null. */
  deviceRevokedAt(deviceId: string): Promise<string | null>;
  revokedDevices(): Promise<Map<string, string>>;
  recordSync(health: Omit<DeviceHealth, 'serverRefused' | 'lastRefusedAt'>): Promise<void>;
  recordServerRefusals(deviceId: string, count: number, at: string): Promise<void>;
  deviceHealth(): Promise<DeviceHealth[]>;
};

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
const parsed = (v: unknown): unknown => (v == null ? null : (JSON.parse(String(v)) as unknown));
const optNum = (v: unknown): number | null => (v == null ? null : Number(v));
const optStr = (v: unknown): string | null => (v == null ? null : String(v));

const toAudit = (r: Row): AuditEntry => ({
  id: String(r.id),
  at: String(r.at),
  actorId: String(r.actor_id),
  actorEmail: String(r.actor_email),
  action: String(r.action),
  target: String(r.target),
  before: parsed(r.before_json),
  after: parsed(r.after_json),
});

const toHealth = (r: Row): DeviceHealth => ({
  deviceId: String(r.device_id),
  lastSyncAt: String(r.last_sync_at),
  appVersion: optStr(r.app_version),
  refusedWaiting: optNum(r.refused_waiting),
  serverRefused: Number(r.server_refused ?? 0),
  lastRefusedAt: optStr(r.last_refused_at),
});

export const createOfficeStore = (sql: SqlRunner): OfficeStore => ({
  async appendAudit(e) {
    await sql.run(
      `INSERT INTO audit_log (id, at, actor_id, actor_email, action, target, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.at, e.actorId, e.actorEmail, e.action, e.target, json(e.before), json(e.after)],
    );
  },
  async listAudit({ limit, before }) {
    if (before === undefined) {
      const rows = await sql.all('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?', [
        limit,
      ]);
      return rows.map(toAudit);
    }
    const [cursor] = await sql.all('SELECT at FROM audit_log WHERE id = ?', [before]);
    if (cursor === undefined) return [];
    const at = String(cursor.at);
    const rows = await sql.all(
      'SELECT * FROM audit_log WHERE at < ? OR (at = ? AND id < ?) ORDER BY at DESC, id DESC LIMIT ?',
      [at, at, before, limit],
    );
    return rows.map(toAudit);
  },
  async setUserRole(userId, role, teamId) {
    await sql.run('UPDATE users SET role = ?, team_id = ? WHERE id = ?', [role, teamId, userId]);
  },
  async setUserTeam(userId, teamId) {
    await sql.run('UPDATE users SET team_id = ? WHERE id = ?', [teamId, userId]);
  },
  async setPasswordHash(userId, passwordHash) {
    await sql.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
  },
  async revokeDevice(deviceId, at) {
    // Revoked first: from then on the device's calls answer device_revoked.
    await sql.run(
      `UPDATE devices SET revoked_at = ?, installation_id = 'revoked:' || id
       WHERE id = ? AND revoked_at IS NULL`,
      [at, deviceId],
    );
    await sql.run('UPDATE sessions SET revoked = TRUE WHERE device_id = ?', [deviceId]);
  },
  async deviceRevokedAt(deviceId) {
    const [row] = await sql.all('SELECT revoked_at FROM devices WHERE id = ?', [deviceId]);
    return optStr(row?.revoked_at);
  },
  async revokedDevices() {
    const rows = await sql.all(
      'SELECT id, revoked_at FROM devices WHERE revoked_at IS NOT NULL',
      [],
    );
    return new Map(rows.map((r) => [String(r.id), String(r.revoked_at)]));
  },
  async recordSync(h) {
    await sql.run(
      `INSERT INTO device_health (device_id, last_sync_at, app_version, refused_waiting)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET last_sync_at = excluded.last_sync_at,
         app_version = COALESCE(excluded.app_version, device_health.app_version),
         refused_waiting = COALESCE(excluded.refused_waiting, device_health.refused_waiting)`,
      [h.deviceId, h.lastSyncAt, h.appVersion, h.refusedWaiting],
    );
  },
  async recordServerRefusals(deviceId, count, at) {
    await sql.run(
      `INSERT INTO device_health (device_id, last_sync_at, server_refused, last_refused_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET
         server_refused = device_health.server_refused + excluded.server_refused,
         last_refused_at = excluded.last_refused_at`,
      [deviceId, at, count, at],
    );
  },
  async deviceHealth() {
    return (await sql.all('SELECT * FROM device_health', [])).map(toHealth);
  },
});
