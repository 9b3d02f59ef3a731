// SQLite adapter: one file in the data folder, WAL, writes serialized by BEGIN IMMEDIATE,
// so seqs are assigned and committed in one order and a pull can never skip one.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NumberingHighWater, SyncCollection } from '../../../shared/sync/protocol';
import { syncCollections } from '../../../shared/sync/protocol';
import {
  docText,
  toDevice,
  toHighWater,
  toLoginCounter,
  toSession,
  toStoredDoc,
  toTeam,
  toUser,
} from './rows';
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
import { issuedKey } from './types';
import * as snapshot from './sqlite-snapshot';
import { ChangeHub } from './change-hub';
import { createOfficeStore } from './office-store';
import { handoversOf, noticeWithHandovers } from './handovers';
import { pendingMigrations, SCHEMA_TABLE_SQL } from './migrations';
import { SqliteReader } from './sqlite-reader';

type Row = Record<string, unknown>;

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  readonly file: string;
  private readonly db: Database.Database;
  /** Pulls and their counts read here, off the event loop (sqlite-reader.ts). */
  private readonly reader: SqliteReader;
  private readonly hub = new ChangeHub();
  /** The highest seq per collection this process has announced. */
  private readonly announced = new Map<string, number>();
  private readonly poller: NodeJS.Timeout;
  /** The epoch this process last told its streams about. */
  private epochSeen = '';
  readonly office = createOfficeStore({
    all: async (sql, params) => this.all(sql, ...params),
    run: async (sql, params) => this.run(sql, ...params),
  });

  constructor(dataDir: string, pollMs = 1000) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'fairlead.sqlite');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    try {
      this.migrate();
    } catch (err) {
      this.db.close();
      throw err;
    }
    for (const r of this.all('SELECT collection, seq FROM counters'))
      this.announced.set(String(r.collection), Number(r.seq));
    this.epochSeen = snapshot.readEpoch(this.db).id;
    this.reader = new SqliteReader(this.file);
    // Another process on the same file (the admin CLI) writes without telling this one:
    // notice its commits from the counters and tell every stream.
    this.poller = setInterval(() => this.pollForeignWrites(), pollMs);
    this.poller.unref();
  }

  /** Applies the migrations this file lacks, each in its own immediate transaction. */
  private migrate(): void {
    this.db.exec(SCHEMA_TABLE_SQL);
    const current = (): number =>
      Number(this.one('SELECT MAX(version) AS v FROM schema_migrations')?.v ?? 0);
    for (const step of pendingMigrations(current())) {
      this.db
        .transaction(() => {
          // Another process may have applied it while this one waited for the lock.
          if (current() >= step.version) return;
          this.db.exec(step.sqlite);
          this.run(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
            step.version,
            step.name,
            new Date().toISOString(),
          );
        })
        .immediate();
    }
  }

  async schemaVersion(): Promise<number> {
    return Number(this.one('SELECT MAX(version) AS v FROM schema_migrations')?.v ?? 0);
  }

  /** A new epoch (admin restore --force or epoch renew): every device should pull now. */
  private announceEpoch(): void {
    const epoch = snapshot.readEpoch(this.db).id;
    if (epoch === this.epochSeen) return;
    this.epochSeen = epoch;
    for (const collection of syncCollections)
      this.hub.emit({ collection, seq: 0, ownerIds: [], teamIds: [], everyone: true });
  }

  private pollForeignWrites(): void {
    if (!this.db.open) return;
    this.announceEpoch();
    for (const r of this.all('SELECT collection, seq FROM counters')) {
      const collection = String(r.collection) as SyncCollection;
      const seq = Number(r.seq);
      if (seq <= (this.announced.get(collection) ?? 0)) continue;
      this.announced.set(collection, seq);
      this.hub.emit({ collection, seq, ownerIds: [], teamIds: [], everyone: true });
    }
  }

  private one(sql: string, ...params: unknown[]): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined;
  }
  private all(sql: string, ...params: unknown[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[];
  }
  private run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes;
  }

  async close(): Promise<void> {
    clearInterval(this.poller);
    this.hub.clear();
    await this.reader.close();
    this.db.close();
  }

  async createTeam(team: Team): Promise<void> {
    this.run(
      'INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)',
      team.id,
      team.name,
      team.createdAt,
    );
  }
  async listTeams(): Promise<Team[]> {
    return this.all('SELECT * FROM teams ORDER BY name').map(toTeam);
  }
  async findTeamByName(name: string): Promise<Team | null> {
    const r = this.one('SELECT * FROM teams WHERE name = ?', name);
    return r ? toTeam(r) : null;
  }

  async createUser(user: NewUser): Promise<User> {
    const createdAt = new Date().toISOString();
    this.run(
      'INSERT INTO users (id, email, name, role, team_id, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)',
      user.id,
      user.email.toLowerCase(),
      user.name,
      user.role,
      user.teamId,
      user.passwordHash,
      createdAt,
    );
    return { ...user, email: user.email.toLowerCase(), disabled: false, createdAt };
  }
  async findUserByEmail(email: string): Promise<User | null> {
    const r = this.one('SELECT * FROM users WHERE email = ?', email.toLowerCase());
    return r ? toUser(r) : null;
  }
  async findUserById(id: string): Promise<User | null> {
    const r = this.one('SELECT * FROM users WHERE id = ?', id);
    return r ? toUser(r) : null;
  }
  async listUsers(): Promise<User[]> {
    return this.all('SELECT * FROM users ORDER BY email').map(toUser);
  }
  async setUserDisabled(id: string, disabled: boolean): Promise<void> {
    this.run('UPDATE users SET disabled = ? WHERE id = ?', disabled ? 1 : 0, id);
  }

  async findLegacyDevice(userId: string, name: string): Promise<Device | null> {
    const r = this.one(
      'SELECT * FROM devices WHERE user_id = ? AND name = ? AND installation_id IS NULL ORDER BY created_at LIMIT 1',
      userId,
      name,
    );
    return r ? toDevice(r) : null;
  }
  async findDeviceByInstallation(userId: string, installationId: string): Promise<Device | null> {
    const r = this.one(
      'SELECT * FROM devices WHERE user_id = ? AND installation_id = ?',
      userId,
      installationId,
    );
    return r ? toDevice(r) : null;
  }
  async findDeviceById(id: string): Promise<Device | null> {
    const r = this.one('SELECT * FROM devices WHERE id = ?', id);
    return r ? toDevice(r) : null;
  }
  async createDevice(d: Device): Promise<boolean> {
    const changes = this.run(
      'INSERT INTO devices (id, user_id, name, series, created_at, installation_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      d.id,
      d.userId,
      d.name,
      d.series,
      d.createdAt,
      d.installationId,
    );
    return changes === 1;
  }
  async adoptInstallation(deviceId: string, installationId: string): Promise<boolean> {
    try {
      const changes = this.run(
        'UPDATE devices SET installation_id = ? WHERE id = ? AND installation_id IS NULL',
        installationId,
        deviceId,
      );
      return changes === 1;
    } catch {
      // The user has another device with this installation id (unique key).
      return false;
    }
  }
  async renameDevice(deviceId: string, name: string): Promise<void> {
    this.run('UPDATE devices SET name = ? WHERE id = ?', name, deviceId);
  }
  async seriesOfUser(userId: string): Promise<string[]> {
    return this.all('SELECT series FROM devices WHERE user_id = ?', userId).map((r) =>
      String(r.series),
    );
  }
  async listDevices(): Promise<Device[]> {
    return this.all('SELECT * FROM devices ORDER BY created_at').map(toDevice);
  }
  async highWater(series: string): Promise<NumberingHighWater> {
    return toHighWater(this.all('SELECT * FROM numbering WHERE series = ?', series));
  }

  async loginCounter(key: string): Promise<LoginCounter | null> {
    const r = this.one('SELECT * FROM login_throttle WHERE key = ?', key);
    return r ? toLoginCounter(r) : null;
  }
  async updateLoginCounter(
    key: string,
    next: (current: LoginCounter | null) => LoginCounter | null,
    now: number,
  ): Promise<void> {
    this.db
      .transaction(() => {
        const r = this.one('SELECT * FROM login_throttle WHERE key = ?', key);
        const counter = next(r ? toLoginCounter(r) : null);
        if (counter === null) {
          this.run('DELETE FROM login_throttle WHERE key = ?', key);
          return;
        }
        this.run(
          `INSERT INTO login_throttle (key, failures, since, locked_until, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, since = excluded.since,
             locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
          key,
          counter.failures,
          counter.since,
          counter.lockedUntil,
          now,
        );
      })
      .immediate();
  }
  async pruneLoginCounters(before: number): Promise<void> {
    this.run('DELETE FROM login_throttle WHERE updated_at < ?', before);
  }

  async createSession(s: Session): Promise<void> {
    this.run(
      'INSERT INTO sessions (token_hash, user_id, device_id, expires_at, revoked) VALUES (?, ?, ?, ?, 0)',
      s.tokenHash,
      s.userId,
      s.deviceId,
      s.expiresAt,
    );
  }
  async findSession(tokenHash: string): Promise<Session | null> {
    const r = this.one('SELECT * FROM sessions WHERE token_hash = ?', tokenHash);
    return r ? toSession(r) : null;
  }
  async revokeSession(tokenHash: string): Promise<void> {
    this.run('UPDATE sessions SET revoked = 1 WHERE token_hash = ?', tokenHash);
  }
  async revokeUserSessions(userId: string): Promise<void> {
    this.run('UPDATE sessions SET revoked = 1 WHERE user_id = ?', userId);
  }

  async writeDocs<R>(
    collection: SyncCollection,
    ids: string[],
    decide: (current: ReadonlyMap<string, StoredDoc>, holders: IssuedHolders) => RowDecision<R>[],
    numbering?: NumberingWork,
  ): Promise<R[]> {
    const now = new Date().toISOString();
    const tx = this.db.transaction(() => {
      const current = this.readDocs(collection, ids);
      const decisions = decide(current, this.readHolders(numbering));
      const writes = decisions.flatMap((d) => (d.write ? [d.write] : []));
      if (writes.length === 0) return { results: decisions.map((d) => d.result), notice: null };
      const last = Number(
        this.one('SELECT seq FROM counters WHERE collection = ?', collection)?.seq ?? 0,
      );
      let seq = last;
      const upsert = this.db.prepare(
        `INSERT INTO docs (collection, id, seq, owner_id, team_id, deleted, updated_at, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, owner_id = excluded.owner_id,
           team_id = excluded.team_id, deleted = excluded.deleted, updated_at = excluded.updated_at, doc = excluded.doc`,
      );
      for (const w of writes) {
        seq += 1;
        upsert.run(
          collection,
          w.id,
          seq,
          w.ownerId,
          w.teamId,
          w.doc._deleted ? 1 : 0,
          now,
          docText(w.doc),
        );
      }
      this.run(
        'INSERT INTO counters (collection, seq) VALUES (?, ?) ON CONFLICT (collection) DO UPDATE SET seq = excluded.seq',
        collection,
        seq,
      );
      const handovers = handoversOf(writes, current, last + 1);
      const handOver = this.db.prepare(
        'INSERT INTO handovers (collection, doc_id, seq, from_owner_id, from_team_id) VALUES (?, ?, ?, ?, ?)',
      );
      for (const h of handovers)
        handOver.run(collection, h.docId, h.seq, h.fromOwnerId, h.fromTeamId);
      const raise = this.db.prepare(
        `INSERT INTO numbering (series, kind, year, seq) VALUES (?, ?, ?, ?)
         ON CONFLICT (series, kind, year) DO UPDATE SET seq = MAX(seq, excluded.seq)`,
      );
      const issued = numbering?.issued(writes) ?? { taken: [], seen: [] };
      // A plain insert: the primary key (kind, number) refuses a number taken twice.
      const take = this.db.prepare(
        'INSERT INTO issued_numbers (kind, number, doc_id) VALUES (?, ?, ?)',
      );
      for (const n of issued.taken) take.run(n.kind, n.number, n.docId);
      for (const n of issued.seen) raise.run(n.series, n.kind, n.year, n.seq);
      const notice: ChangeNotice = noticeWithHandovers(
        {
          collection,
          seq,
          ownerIds: [...new Set(writes.map((w) => w.ownerId))],
          teamIds: [...new Set(writes.map((w) => w.teamId))],
        },
        handovers,
      );
      return { results: decisions.map((d) => d.result), notice };
    });
    const { results, notice } = tx.immediate();
    // Announce only after the commit, so a listener that pulls sees the change.
    if (notice) {
      this.announced.set(collection, Math.max(this.announced.get(collection) ?? 0, notice.seq));
      this.hub.emit(notice);
    }
    return results;
  }

  private readHolders(numbering: NumberingWork | undefined): Map<string, string> {
    const out = new Map<string, string>();
    const stmt = this.db.prepare('SELECT doc_id FROM issued_numbers WHERE kind = ? AND number = ?');
    for (const { kind, number } of numbering?.lookup ?? []) {
      const r = stmt.get(kind, number) as Row | undefined;
      if (r) out.set(issuedKey(kind, number), String(r.doc_id));
    }
    return out;
  }

  private readDocs(collection: SyncCollection, ids: string[]): Map<string, StoredDoc> {
    const out = new Map<string, StoredDoc>();
    const stmt = this.db.prepare('SELECT * FROM docs WHERE collection = ? AND id = ?');
    for (const id of new Set(ids)) {
      const r = stmt.get(collection, id) as Row | undefined;
      if (r) out.set(id, toStoredDoc(r));
    }
    return out;
  }

  async getDocs(collection: SyncCollection, ids: string[]): Promise<Map<string, StoredDoc>> {
    return this.readDocs(collection, ids);
  }

  async pull(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
    limit: number,
  ): Promise<StoredDoc[]> {
    // Each branch walks one index in checkpoint order and stops at the page size: a seller's
    // page costs the page, not the collection (an OR would collect and sort every match).
    let rows: Row[];
    if (scope.kind === 'all') {
      rows = await this.reader.all(
        'SELECT * FROM docs WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?',
        collection,
        afterSeq,
        limit,
      );
    } else if (scope.teamId === null) {
      rows = await this.reader.all(
        'SELECT * FROM docs WHERE collection = ? AND owner_id = ? AND seq > ? ORDER BY seq LIMIT ?',
        collection,
        scope.ownerId,
        afterSeq,
        limit,
      );
    } else {
      rows = await this.reader.all(
        `SELECT * FROM docs WHERE rowid IN (
           SELECT rowid FROM (SELECT rowid FROM docs WHERE collection = ? AND owner_id = ? AND seq > ? ORDER BY seq LIMIT ?)
           UNION
           SELECT rowid FROM (SELECT rowid FROM docs WHERE collection = ? AND team_id = ? AND seq > ? ORDER BY seq LIMIT ?))
         ORDER BY seq LIMIT ?`,
        collection,
        scope.ownerId,
        afterSeq,
        limit,
        collection,
        scope.teamId,
        afterSeq,
        limit,
        limit,
      );
    }
    return rows.map(toStoredDoc);
  }

  async pullRemovals(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
    limit: number,
  ): Promise<DocRemoval[]> {
    if (scope.kind === 'all') return [];
    // Handed over from this owner or team, and not back in sight since.
    return this.all(
      `SELECT h.doc_id AS id, h.seq AS seq FROM handovers h
         JOIN docs d ON d.collection = h.collection AND d.id = h.doc_id
       WHERE h.collection = ? AND h.seq > ?
         AND (h.from_owner_id = ? OR (? IS NOT NULL AND h.from_team_id = ?))
         AND NOT (d.owner_id = ? OR (? IS NOT NULL AND d.team_id IS NOT NULL AND d.team_id = ?))
       ORDER BY h.seq LIMIT ?`,
      collection,
      afterSeq,
      scope.ownerId,
      scope.teamId,
      scope.teamId,
      scope.ownerId,
      scope.teamId,
      scope.teamId,
      limit,
    ).map((r) => ({ id: String(r.id), seq: Number(r.seq) }));
  }

  async countAfter(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
  ): Promise<number> {
    // Each branch is a range of one covering index; the union drops a document counted twice
    // (owned by the user and in the team).
    let row: Row | undefined;
    if (scope.kind === 'all') {
      row = await this.reader.one(
        'SELECT COUNT(*) AS n FROM docs WHERE collection = ? AND seq > ?',
        collection,
        afterSeq,
      );
    } else if (scope.teamId === null) {
      row = await this.reader.one(
        'SELECT COUNT(*) AS n FROM docs WHERE collection = ? AND owner_id = ? AND seq > ?',
        collection,
        scope.ownerId,
        afterSeq,
      );
    } else {
      row = await this.reader.one(
        `SELECT COUNT(*) AS n FROM (
           SELECT rowid FROM docs WHERE collection = ? AND owner_id = ? AND seq > ?
           UNION SELECT rowid FROM docs WHERE collection = ? AND team_id = ? AND seq > ?)`,
        collection,
        scope.ownerId,
        afterSeq,
        collection,
        scope.teamId,
        afterSeq,
      );
    }
    return Number(row?.n ?? 0);
  }

  async allDocs(collection: SyncCollection): Promise<StoredDoc[]> {
    return this.all('SELECT * FROM docs WHERE collection = ? ORDER BY seq', collection).map(
      toStoredDoc,
    );
  }

  async lastSeq(collection: SyncCollection): Promise<number> {
    return Number(this.one('SELECT seq FROM counters WHERE collection = ?', collection)?.seq ?? 0);
  }
  async serverEpoch(): Promise<ServerEpoch> {
    return snapshot.readEpoch(this.db);
  }
  async renewEpoch(from?: string): Promise<ServerEpoch> {
    const epoch = snapshot.renewEpoch(this.db, from);
    this.announceEpoch();
    return epoch;
  }
  async readSnapshot(visit: (page: TableRows) => Promise<void>): Promise<void> {
    await snapshot.readSnapshot(this.file, visit);
  }
  async restoreTables(
    pages: AsyncIterable<TableRows>,
    options: { force: boolean },
  ): Promise<ServerEpoch> {
    const epoch = await snapshot.restoreTables(this.db, pages, options.force);
    for (const r of this.all('SELECT collection, seq FROM counters'))
      this.announced.set(String(r.collection), Number(r.seq));
    this.announceEpoch();
    return epoch;
  }

  onChange(listener: (notice: ChangeNotice) => void): () => void {
    return this.hub.on(listener);
  }
}
