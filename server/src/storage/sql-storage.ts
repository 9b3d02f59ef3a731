// The one definition of the server's storage over SQLite and PostgreSQL: every query of the
// Storage interface written once (sql-docs.ts for the documents, snapshot.ts for the epoch
// and restore); the engine files (sqlite.ts, postgres.ts) only open the connection, pick the
// dialect and keep what is theirs (SQLite's reader worker and poller, PostgreSQL's pool and
// LISTEN/NOTIFY, each one's backup reader).
import type { NumberingHighWater, SyncCollection } from '../../../shared/sync/protocol';
import { ChangeHub } from './change-hub';
import type { OfficeStore } from './office-store';
import { createOfficeStore } from './office-store';
import {
  toDevice,
  toHighWater,
  toLoginCounter,
  toSession,
  toStoredDoc,
  toTeam,
  toUser,
} from './rows';
import * as snapshot from './snapshot';
import type { SqlConnection, SqlDialect, SqlReads } from './sql';
import {
  countVisible,
  insertDocs,
  pullPage,
  readDocs,
  readHolders,
  removalsPage,
} from './sql-docs';
import type {
  ChangeNotice,
  Device,
  DocRemoval,
  IssuedHolders,
  LoginCounter,
  NewUser,
  NumberingWork,
  PullScope,
  RowDecision,
  ServerEpoch,
  Session,
  Storage,
  StoredDoc,
  TableRows,
  Team,
  User,
} from './types';

const toOne =
  <T>(to: (r: Record<string, unknown>) => T) =>
  (r: Record<string, unknown> | undefined): T | null =>
    r ? to(r) : null;

export abstract class SqlStorage implements Storage {
  abstract readonly kind: 'sqlite' | 'postgres';
  readonly office: OfficeStore;
  protected readonly hub = new ChangeHub();
  /** Test hook: runs inside a write transaction after its seqs are taken, before COMMIT. */
  beforeCommit: ((collection: SyncCollection) => Promise<void>) | null = null;

  protected constructor(
    protected readonly sql: SqlConnection,
    /** Where the pulls and their counts read (SQLite: the reader worker). */
    protected readonly reads: SqlReads,
    protected readonly dialect: SqlDialect,
  ) {
    this.office = createOfficeStore(sql);
  }

  abstract close(): Promise<void>;
  abstract readSnapshot(visit: (page: TableRows) => Promise<void>): Promise<void>;
  /** Inside the write transaction: PostgreSQL tells every process at COMMIT. */
  protected abstract announceInTransaction(tx: SqlConnection, notice: ChangeNotice): Promise<void>;
  /** After the commit, so a listener that pulls sees the change (SQLite, this process). */
  protected abstract announceCommitted(notice: ChangeNotice): void;
  /** The office has a new epoch (renewed or restored): every device should pull now. */
  protected abstract announceEpoch(): Promise<void>;

  async schemaVersion(): Promise<number> {
    return Number((await this.sql.get('SELECT MAX(version) AS v FROM schema_migrations'))?.v ?? 0);
  }

  async createTeam(team: Team): Promise<void> {
    await this.sql.run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', [
      team.id,
      team.name,
      team.createdAt,
    ]);
  }
  async listTeams(): Promise<Team[]> {
    return (await this.sql.all('SELECT * FROM teams ORDER BY name')).map(toTeam);
  }
  async findTeamByName(name: string): Promise<Team | null> {
    return toOne(toTeam)(await this.sql.get('SELECT * FROM teams WHERE name = ?', [name]));
  }

  async createUser(user: NewUser): Promise<User> {
    const createdAt = new Date().toISOString();
    const email = user.email.toLowerCase();
    await this.sql.run(
      'INSERT INTO users (id, email, name, role, team_id, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)',
      [user.id, email, user.name, user.role, user.teamId, user.passwordHash, createdAt],
    );
    return { ...user, email, disabled: false, createdAt };
  }
  async findUserByEmail(email: string): Promise<User | null> {
    const r = await this.sql.get('SELECT * FROM users WHERE email = ?', [email.toLowerCase()]);
    return toOne(toUser)(r);
  }
  async findUserById(id: string): Promise<User | null> {
    return toOne(toUser)(await this.sql.get('SELECT * FROM users WHERE id = ?', [id]));
  }
  async listUsers(): Promise<User[]> {
    return (await this.sql.all('SELECT * FROM users ORDER BY email')).map(toUser);
  }
  async setUserDisabled(id: string, disabled: boolean): Promise<void> {
    await this.sql.run('UPDATE users SET disabled = ? WHERE id = ?', [disabled, id]);
  }

  async findLegacyDevice(userId: string, name: string): Promise<Device | null> {
    const r = await this.sql.get(
      'SELECT * FROM devices WHERE user_id = ? AND name = ? AND installation_id IS NULL ORDER BY created_at LIMIT 1',
      [userId, name],
    );
    return toOne(toDevice)(r);
  }
  async findDeviceByInstallation(userId: string, installationId: string): Promise<Device | null> {
    const r = await this.sql.get(
      'SELECT * FROM devices WHERE user_id = ? AND installation_id = ?',
      [userId, installationId],
    );
    return toOne(toDevice)(r);
  }
  async findDeviceById(id: string): Promise<Device | null> {
    return toOne(toDevice)(await this.sql.get('SELECT * FROM devices WHERE id = ?', [id]));
  }
  async createDevice(d: Device): Promise<boolean> {
    const changes = await this.sql.run(
      'INSERT INTO devices (id, user_id, name, series, created_at, installation_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [d.id, d.userId, d.name, d.series, d.createdAt, d.installationId],
    );
    return changes === 1;
  }
  async adoptInstallation(deviceId: string, installationId: string): Promise<boolean> {
    try {
      const changes = await this.sql.run(
        'UPDATE devices SET installation_id = ? WHERE id = ? AND installation_id IS NULL',
        [installationId, deviceId],
      );
      return changes === 1;
    } catch {
      // The user has another device with this installation id (unique key).
      return false;
    }
  }
  async renameDevice(deviceId: string, name: string): Promise<void> {
    await this.sql.run('UPDATE devices SET name = ? WHERE id = ?', [name, deviceId]);
  }
  async seriesOfUser(userId: string): Promise<string[]> {
    const rows = await this.sql.all('SELECT series FROM devices WHERE user_id = ?', [userId]);
    return rows.map((r) => String(r.series));
  }
  async listDevices(): Promise<Device[]> {
    return (await this.sql.all('SELECT * FROM devices ORDER BY created_at')).map(toDevice);
  }
  async highWater(series: string): Promise<NumberingHighWater> {
    return toHighWater(await this.sql.all('SELECT * FROM numbering WHERE series = ?', [series]));
  }

  async loginCounter(key: string): Promise<LoginCounter | null> {
    const r = await this.sql.get('SELECT * FROM login_throttle WHERE key = ?', [key]);
    return toOne(toLoginCounter)(r);
  }
  async updateLoginCounter(
    key: string,
    next: (current: LoginCounter | null) => LoginCounter | null,
    now: number,
  ): Promise<void> {
    // One writer per key across processes, also when the row does not exist yet.
    const work = async (tx: SqlConnection): Promise<void> => {
      const r = await tx.get('SELECT * FROM login_throttle WHERE key = ?', [key]);
      const counter = next(toOne(toLoginCounter)(r));
      if (counter === null) {
        await tx.run('DELETE FROM login_throttle WHERE key = ?', [key]);
        return;
      }
      await tx.run(
        `INSERT INTO login_throttle (key, failures, since, locked_until, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, since = excluded.since,
           locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
        [key, counter.failures, counter.since, counter.lockedUntil, now],
      );
    };
    await this.sql.transaction(work, { serializeOn: `fairlead.login.${key}` });
  }
  async pruneLoginCounters(before: number): Promise<void> {
    await this.sql.run('DELETE FROM login_throttle WHERE updated_at < ?', [before]);
  }

  async createSession(s: Session): Promise<void> {
    await this.sql.run(
      'INSERT INTO sessions (token_hash, user_id, device_id, expires_at, revoked) VALUES (?, ?, ?, ?, FALSE)',
      [s.tokenHash, s.userId, s.deviceId, s.expiresAt],
    );
  }
  async findSession(tokenHash: string): Promise<Session | null> {
    const r = await this.sql.get('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
    return toOne(toSession)(r);
  }
  async findSessionUser(
    tokenHash: string,
  ): Promise<{ session: Session; user: User | null } | null> {
    // The columns named, so the session's and the user's never shadow each other.
    const r = await this.sql.get(
      `SELECT s.token_hash, s.user_id, s.device_id, s.expires_at, s.revoked, u.id, u.email,
         u.name, u.role, u.team_id, u.password_hash, u.disabled, u.created_at
       FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
      [tokenHash],
    );
    if (!r) return null;
    return { session: toSession(r), user: r.id == null ? null : toUser(r) };
  }
  async revokeSession(tokenHash: string): Promise<void> {
    await this.sql.run('UPDATE sessions SET revoked = TRUE WHERE token_hash = ?', [tokenHash]);
  }
  async revokeUserSessions(userId: string): Promise<void> {
    await this.sql.run('UPDATE sessions SET revoked = TRUE WHERE user_id = ?', [userId]);
  }

  async writeDocs<R>(
    collection: SyncCollection,
    ids: string[],
    decide: (current: ReadonlyMap<string, StoredDoc>, holders: IssuedHolders) => RowDecision<R>[],
    numbering?: NumberingWork,
  ): Promise<R[]> {
    // Checkpoint safety (DESIGN.md §4): a pull hands out `seq > checkpoint`, so a seq must
    // never become visible before a smaller one. It holds because the writes of a collection
    // take their seqs and commit inside one transaction serialized on the collection: the
    // next writer can take a seq only after this one committed. On SQLite the transaction
    // begins IMMEDIATE, taking the database's only write lock (every process, every
    // collection); on PostgreSQL it takes an advisory lock on the key before reading, held
    // to COMMIT, across every server process on the database (sql.ts, postgres.ts).
    const done = await this.sql.transaction(
      async (tx) => {
        const current = await readDocs(tx, collection, ids);
        const decisions = decide(current, await readHolders(tx, numbering));
        const results = decisions.map((d) => d.result);
        const writes = decisions.flatMap((d) => (d.write ? [d.write] : []));
        if (writes.length === 0) return { results, notice: null };
        const issued = numbering?.issued(writes) ?? { taken: [], seen: [] };
        const notice = await insertDocs(tx, collection, writes, current, issued);
        await this.announceInTransaction(tx, notice);
        if (this.beforeCommit) await this.beforeCommit(collection);
        return { results, notice };
      },
      { serializeOn: `fairlead.docs.${collection}` },
    );
    if (done.notice) this.announceCommitted(done.notice);
    return done.results;
  }

  async getDocs(collection: SyncCollection, ids: string[]): Promise<Map<string, StoredDoc>> {
    return readDocs(this.sql, collection, ids);
  }
  async pull(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
    limit: number,
  ): Promise<StoredDoc[]> {
    return pullPage(this.reads, this.dialect, collection, scope, afterSeq, limit);
  }
  async pullRemovals(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
    limit: number,
  ): Promise<DocRemoval[]> {
    return removalsPage(this.sql, collection, scope, afterSeq, limit);
  }
  async countAfter(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
  ): Promise<number> {
    return countVisible(this.reads, this.dialect, collection, scope, afterSeq);
  }
  async allDocs(collection: SyncCollection): Promise<StoredDoc[]> {
    const rows = await this.sql.all('SELECT * FROM docs WHERE collection = ? ORDER BY seq', [
      collection,
    ]);
    return rows.map(toStoredDoc);
  }

  async lastSeq(collection: SyncCollection): Promise<number> {
    const r = await this.sql.get('SELECT seq FROM counters WHERE collection = ?', [collection]);
    return Number(r?.seq ?? 0);
  }

  serverEpoch(): Promise<ServerEpoch> {
    return snapshot.readEpoch(this.sql);
  }
  async renewEpoch(from?: string): Promise<ServerEpoch> {
    const before = (await this.serverEpoch()).id;
    const epoch = await snapshot.renewEpoch(this.sql, this.dialect, from);
    if (epoch.id !== before) await this.announceEpoch();
    return epoch;
  }
  async restoreTables(
    pages: AsyncIterable<TableRows>,
    options: { force: boolean },
  ): Promise<ServerEpoch> {
    const epoch = await snapshot.restoreTables(this.sql, this.dialect, pages, options.force);
    await this.announceEpoch();
    return epoch;
  }

  onChange(listener: (notice: ChangeNotice) => void): () => void {
    return this.hub.on(listener);
  }
}
