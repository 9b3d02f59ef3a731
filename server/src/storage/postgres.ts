// PostgreSQL adapter: several server processes over one database serve the same office.
// Writes to a collection take a per-collection advisory lock for their whole transaction,
// so seqs commit in the order they are assigned and a pull never skips a late commit.
// Changes fan out between processes with LISTEN/NOTIFY.
import pg from 'pg';
import type { NumberingHighWater, SyncCollection } from '../../../shared/sync/protocol';
import { syncCollections } from '../../../shared/sync/protocol';
import { ChangeHub } from './change-hub';
import { createOfficeStore, numberedPlaceholders } from './office-store';
import type { Handover } from './handovers';
import { handoversOf, noticeWithHandovers } from './handovers';
import { pendingMigrations, SCHEMA_TABLE_SQL } from './migrations';
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
  DocRemoval,
  Device,
  DocWrite,
  IssuedHolders,
  IssuedNumber,
  LoginCounter,
  NewUser,
  NumberingWork,
  NumberSeen,
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
import * as snapshot from './postgres-snapshot';

const CHANNEL = 'fairlead_changes';

type Row = Record<string, unknown>;

export type PostgresOptions = { poolMax?: number };

/** Applies the migrations the database lacks, each in its own transaction (caller holds the lock). */
const migratePostgres = async (client: pg.PoolClient): Promise<void> => {
  await client.query(SCHEMA_TABLE_SQL);
  const r = await client.query('SELECT MAX(version) AS v FROM schema_migrations');
  for (const step of pendingMigrations(Number((r.rows[0] as Row | undefined)?.v ?? 0))) {
    await client.query('BEGIN');
    try {
      await client.query(step.postgres);
      await client.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [step.version, step.name, new Date().toISOString()],
      );
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  }
};

export class PostgresStorage implements Storage {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private readonly hub = new ChangeHub();
  /** Test hook: runs inside a write transaction after its seqs are taken, before COMMIT. */
  beforeCommit: ((collection: SyncCollection) => Promise<void>) | null = null;
  readonly office = createOfficeStore({
    all: (sql, params) => this.all(numberedPlaceholders(sql), params),
    run: async (sql, params) =>
      (await this.pool.query(numberedPlaceholders(sql), params)).rowCount ?? 0,
  });

  private constructor(
    private readonly url: string,
    options: PostgresOptions,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: options.poolMax ?? 10 });
    // An idle client losing its connection must not crash the server.
    this.pool.on('error', () => undefined);
  }

  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStorage> {
    const storage = new PostgresStorage(url, options);
    // Several processes may start at once: serialize the schema setup.
    const client = await storage.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7301)');
      try {
        await migratePostgres(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock(7301)');
      }
    } catch (err) {
      client.release();
      await storage.pool.end();
      throw err;
    }
    client.release();
    await storage.listen();
    return storage;
  }

  private closed = false;

  async schemaVersion(): Promise<number> {
    const r = await this.one('SELECT MAX(version) AS v FROM schema_migrations');
    return Number(r?.v ?? 0);
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
      for (const r of await this.all('SELECT collection, seq FROM counters')) {
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

  private async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }
  private async one(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }

  async close(): Promise<void> {
    this.closed = true;
    this.hub.clear();
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  async createTeam(team: Team): Promise<void> {
    await this.pool.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)', [
      team.id,
      team.name,
      team.createdAt,
    ]);
  }
  async listTeams(): Promise<Team[]> {
    return (await this.all('SELECT * FROM teams ORDER BY name')).map(toTeam);
  }
  async findTeamByName(name: string): Promise<Team | null> {
    const r = await this.one('SELECT * FROM teams WHERE name = $1', [name]);
    return r ? toTeam(r) : null;
  }

  async createUser(user: NewUser): Promise<User> {
    const createdAt = new Date().toISOString();
    const email = user.email.toLowerCase();
    await this.pool.query(
      'INSERT INTO users (id, email, name, role, team_id, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6, false, $7)',
      [user.id, email, user.name, user.role, user.teamId, user.passwordHash, createdAt],
    );
    return { ...user, email, disabled: false, createdAt };
  }
  async findUserByEmail(email: string): Promise<User | null> {
    const r = await this.one('SELECT * FROM users WHERE email = $1', [email.toLowerCase()]);
    return r ? toUser(r) : null;
  }
  async findUserById(id: string): Promise<User | null> {
    const r = await this.one('SELECT * FROM users WHERE id = $1', [id]);
    return r ? toUser(r) : null;
  }
  async listUsers(): Promise<User[]> {
    return (await this.all('SELECT * FROM users ORDER BY email')).map(toUser);
  }
  async setUserDisabled(id: string, disabled: boolean): Promise<void> {
    await this.pool.query('UPDATE users SET disabled = $1 WHERE id = $2', [disabled, id]);
  }

  async findLegacyDevice(userId: string, name: string): Promise<Device | null> {
    const r = await this.one(
      'SELECT * FROM devices WHERE user_id = $1 AND name = $2 AND installation_id IS NULL ORDER BY created_at LIMIT 1',
      [userId, name],
    );
    return r ? toDevice(r) : null;
  }
  async findDeviceByInstallation(userId: string, installationId: string): Promise<Device | null> {
    const r = await this.one('SELECT * FROM devices WHERE user_id = $1 AND installation_id = $2', [
      userId,
      installationId,
    ]);
    return r ? toDevice(r) : null;
  }
  async findDeviceById(id: string): Promise<Device | null> {
    const r = await this.one('SELECT * FROM devices WHERE id = $1', [id]);
    return r ? toDevice(r) : null;
  }
  async createDevice(d: Device): Promise<boolean> {
    const res = await this.pool.query(
      'INSERT INTO devices (id, user_id, name, series, created_at, installation_id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [d.id, d.userId, d.name, d.series, d.createdAt, d.installationId],
    );
    return res.rowCount === 1;
  }
  async adoptInstallation(deviceId: string, installationId: string): Promise<boolean> {
    try {
      const res = await this.pool.query(
        'UPDATE devices SET installation_id = $1 WHERE id = $2 AND installation_id IS NULL',
        [installationId, deviceId],
      );
      return res.rowCount === 1;
    } catch {
      // The user has another device with this installation id (unique key).
      return false;
    }
  }
  async renameDevice(deviceId: string, name: string): Promise<void> {
    await this.pool.query('UPDATE devices SET name = $1 WHERE id = $2', [name, deviceId]);
  }
  async seriesOfUser(userId: string): Promise<string[]> {
    return (await this.all('SELECT series FROM devices WHERE user_id = $1', [userId])).map((r) =>
      String(r.series),
    );
  }
  async listDevices(): Promise<Device[]> {
    return (await this.all('SELECT * FROM devices ORDER BY created_at')).map(toDevice);
  }
  async highWater(series: string): Promise<NumberingHighWater> {
    return toHighWater(await this.all('SELECT * FROM numbering WHERE series = $1', [series]));
  }

  async loginCounter(key: string): Promise<LoginCounter | null> {
    const r = await this.one('SELECT * FROM login_throttle WHERE key = $1', [key]);
    return r ? toLoginCounter(r) : null;
  }
  async updateLoginCounter(
    key: string,
    next: (current: LoginCounter | null) => LoginCounter | null,
    now: number,
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // One writer per key across processes, also when the row does not exist yet.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('fairlead.login.' || $1))", [key]);
      const res = await client.query('SELECT * FROM login_throttle WHERE key = $1', [key]);
      const r = res.rows[0] as Row | undefined;
      const counter = next(r ? toLoginCounter(r) : null);
      if (counter === null) {
        await client.query('DELETE FROM login_throttle WHERE key = $1', [key]);
      } else {
        await client.query(
          `INSERT INTO login_throttle (key, failures, since, locked_until, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, since = excluded.since,
             locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
          [key, counter.failures, counter.since, counter.lockedUntil, now],
        );
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  async pruneLoginCounters(before: number): Promise<void> {
    await this.pool.query('DELETE FROM login_throttle WHERE updated_at < $1', [before]);
  }

  async createSession(s: Session): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (token_hash, user_id, device_id, expires_at, revoked) VALUES ($1, $2, $3, $4, false)',
      [s.tokenHash, s.userId, s.deviceId, s.expiresAt],
    );
  }
  async findSession(tokenHash: string): Promise<Session | null> {
    const r = await this.one('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
    return r ? toSession(r) : null;
  }
  async revokeSession(tokenHash: string): Promise<void> {
    await this.pool.query('UPDATE sessions SET revoked = true WHERE token_hash = $1', [tokenHash]);
  }
  async revokeUserSessions(userId: string): Promise<void> {
    await this.pool.query('UPDATE sessions SET revoked = true WHERE user_id = $1', [userId]);
  }

  async writeDocs<R>(
    collection: SyncCollection,
    ids: string[],
    decide: (current: ReadonlyMap<string, StoredDoc>, holders: IssuedHolders) => RowDecision<R>[],
    numbering?: NumberingWork,
  ): Promise<R[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('fairlead.docs.' || $1))", [
        collection,
      ]);
      const current = await readDocs(client, collection, ids);
      const decisions = decide(current, await readHolders(client, numbering));
      const writes = decisions.flatMap((d) => (d.write ? [d.write] : []));
      const issued = numbering?.issued(writes) ?? { taken: [], seen: [] };
      if (writes.length > 0) await this.insert(client, collection, writes, issued, current);
      if (writes.length > 0 && this.beforeCommit) await this.beforeCommit(collection);
      await client.query('COMMIT');
      return decisions.map((d) => d.result);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async insert(
    client: pg.PoolClient,
    collection: SyncCollection,
    writes: DocWrite[],
    issued: { taken: IssuedNumber[]; seen: NumberSeen[] },
    current: ReadonlyMap<string, StoredDoc>,
  ): Promise<void> {
    const counter = await client.query(
      `INSERT INTO counters (collection, seq) VALUES ($1, $2) ON CONFLICT (collection)
       DO UPDATE SET seq = counters.seq + $2 RETURNING seq`,
      [collection, writes.length],
    );
    const last = Number((counter.rows[0] as Row).seq);
    const first = last - writes.length + 1;
    const now = new Date().toISOString();
    await client.query(
      `INSERT INTO docs (collection, id, seq, owner_id, team_id, deleted, updated_at, doc)
       SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[])
       ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, owner_id = excluded.owner_id,
         team_id = excluded.team_id, deleted = excluded.deleted, updated_at = excluded.updated_at, doc = excluded.doc`,
      [
        collection,
        writes.map((w) => w.id),
        writes.map((_, i) => first + i),
        writes.map((w) => w.ownerId),
        writes.map((w) => w.teamId),
        writes.map((w) => w.doc._deleted === true),
        writes.map(() => now),
        writes.map((w) => docText(w.doc)),
      ],
    );
    const handovers: Handover[] = handoversOf(writes, current, first);
    if (handovers.length > 0) {
      await client.query(
        `INSERT INTO handovers (collection, doc_id, seq, from_owner_id, from_team_id)
         SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[])`,
        [
          collection,
          handovers.map((h) => h.docId),
          handovers.map((h) => h.seq),
          handovers.map((h) => h.fromOwnerId),
          handovers.map((h) => h.fromTeamId),
        ],
      );
    }
    // A plain insert: the primary key (kind, number) refuses a number taken twice.
    if (issued.taken.length > 0) {
      await client.query(
        'INSERT INTO issued_numbers (kind, number, doc_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])',
        [
          issued.taken.map((n) => n.kind),
          issued.taken.map((n) => n.number),
          issued.taken.map((n) => n.docId),
        ],
      );
    }
    // One upsert per series, kind and year, with the highest sequence seen.
    const highest = new Map<string, NumberSeen>();
    for (const n of issued.seen) {
      const key = `${n.series} ${n.kind} ${n.year}`;
      if ((highest.get(key)?.seq ?? 0) < n.seq) highest.set(key, n);
    }
    for (const n of highest.values()) {
      await client.query(
        `INSERT INTO numbering (series, kind, year, seq) VALUES ($1, $2, $3, $4)
         ON CONFLICT (series, kind, year) DO UPDATE SET seq = GREATEST(numbering.seq, excluded.seq)`,
        [n.series, n.kind, n.year, n.seq],
      );
    }
    const notice: ChangeNotice = noticeWithHandovers(
      {
        collection,
        seq: last,
        ownerIds: [...new Set(writes.map((w) => w.ownerId))],
        teamIds: [...new Set(writes.map((w) => w.teamId))],
      },
      handovers,
    );
    // Delivered at COMMIT to every listening process, this one included. NOTIFY payloads
    // are limited to 8000 bytes: a huge batch tells every stream instead.
    const payload = JSON.stringify(notice);
    const fitting =
      payload.length < 7000
        ? payload
        : JSON.stringify({ collection, seq: last, ownerIds: [], teamIds: [], everyone: true });
    await client.query('SELECT pg_notify($1, $2)', [CHANNEL, fitting]);
  }

  async getDocs(collection: SyncCollection, ids: string[]): Promise<Map<string, StoredDoc>> {
    const client = await this.pool.connect();
    try {
      return await readDocs(client, collection, ids);
    } finally {
      client.release();
    }
  }

  async pull(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
    limit: number,
  ): Promise<StoredDoc[]> {
    // Each branch walks one index in checkpoint order and stops at the page size (the
    // covering indexes of migration 8 answer it from the index alone); only the page's own
    // rows are then read. An OR would scan the collection's sequence and filter.
    let rows: Row[];
    if (scope.kind === 'all') {
      rows = await this.all(
        'SELECT * FROM docs WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [collection, afterSeq, limit],
      );
    } else if (scope.teamId === null) {
      rows = await this.all(
        'SELECT * FROM docs WHERE collection = $1 AND owner_id = $2 AND seq > $3 ORDER BY seq LIMIT $4',
        [collection, scope.ownerId, afterSeq, limit],
      );
    } else {
      rows = await this.all(
        `SELECT d.* FROM (
           SELECT id, seq FROM (
             (SELECT id, seq FROM docs WHERE collection = $1 AND owner_id = $2 AND seq > $4 ORDER BY seq LIMIT $5)
             UNION
             (SELECT id, seq FROM docs WHERE collection = $1 AND team_id = $3 AND seq > $4 ORDER BY seq LIMIT $5)
           ) AS branches ORDER BY seq LIMIT $5) AS page
         JOIN docs d ON d.collection = $1 AND d.id = page.id
         ORDER BY d.seq`,
        [collection, scope.ownerId, scope.teamId, afterSeq, limit],
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
    const rows = await this.all(
      `SELECT h.doc_id AS id, h.seq AS seq FROM handovers h
         JOIN docs d ON d.collection = h.collection AND d.id = h.doc_id
       WHERE h.collection = $1 AND h.seq > $2
         AND (h.from_owner_id = $3 OR ($4::text IS NOT NULL AND h.from_team_id = $4::text))
         AND NOT (d.owner_id = $3 OR ($4::text IS NOT NULL AND d.team_id IS NOT NULL AND d.team_id = $4::text))
       ORDER BY h.seq LIMIT $5`,
      [collection, afterSeq, scope.ownerId, scope.teamId, limit],
    );
    return rows.map((r) => ({ id: String(r.id), seq: Number(r.seq) }));
  }

  async countAfter(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
  ): Promise<number> {
    // The same branches as pull, each an index-only range; the union counts a document
    // owned by the user and in the team once.
    const row =
      scope.kind === 'all'
        ? await this.one('SELECT COUNT(*) AS n FROM docs WHERE collection = $1 AND seq > $2', [
            collection,
            afterSeq,
          ])
        : scope.teamId === null
          ? await this.one(
              'SELECT COUNT(*) AS n FROM docs WHERE collection = $1 AND owner_id = $2 AND seq > $3',
              [collection, scope.ownerId, afterSeq],
            )
          : await this.one(
              `SELECT COUNT(*) AS n FROM (
                 SELECT id FROM docs WHERE collection = $1 AND owner_id = $2 AND seq > $4
                 UNION SELECT id FROM docs WHERE collection = $1 AND team_id = $3 AND seq > $4) AS visible`,
              [collection, scope.ownerId, scope.teamId, afterSeq],
            );
    return Number(row?.n ?? 0);
  }

  async allDocs(collection: SyncCollection): Promise<StoredDoc[]> {
    return (
      await this.all('SELECT * FROM docs WHERE collection = $1 ORDER BY seq', [collection])
    ).map(toStoredDoc);
  }

  async lastSeq(collection: SyncCollection): Promise<number> {
    const r = await this.one('SELECT seq FROM counters WHERE collection = $1', [collection]);
    return Number(r?.seq ?? 0);
  }
  serverEpoch(): Promise<ServerEpoch> {
    return snapshot.readEpoch(this.pool);
  }
  async renewEpoch(from?: string): Promise<ServerEpoch> {
    const before = (await this.serverEpoch()).id;
    const epoch = await snapshot.renewEpoch(this.pool, from);
    if (epoch.id !== before) await this.announceEverywhere();
    return epoch;
  }
  /** A new epoch: every stream of every process tells its device to pull now. */
  private async announceEverywhere(): Promise<void> {
    for (const collection of syncCollections) {
      const notice = { collection, seq: 0, ownerIds: [], teamIds: [], everyone: true };
      await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(notice)]);
    }
  }
  readSnapshot(visit: (page: TableRows) => Promise<void>): Promise<void> {
    return snapshot.readSnapshot(this.pool, visit);
  }
  async restoreTables(
    pages: AsyncIterable<TableRows>,
    options: { force: boolean },
  ): Promise<ServerEpoch> {
    const epoch = await snapshot.restoreTables(this.pool, pages, options.force);
    await this.announceEverywhere();
    return epoch;
  }

  onChange(listener: (notice: ChangeNotice) => void): () => void {
    return this.hub.on(listener);
  }
}

const readHolders = async (
  client: pg.PoolClient,
  numbering: NumberingWork | undefined,
): Promise<Map<string, string>> => {
  const lookup = numbering?.lookup ?? [];
  if (lookup.length === 0) return new Map();
  const res = await client.query(
    'SELECT kind, number, doc_id FROM issued_numbers WHERE (kind, number) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
    [lookup.map((n) => n.kind), lookup.map((n) => n.number)],
  );
  return new Map(
    (res.rows as Row[]).map((r) => [issuedKey(String(r.kind), String(r.number)), String(r.doc_id)]),
  );
};

const readDocs = async (
  client: pg.PoolClient,
  collection: SyncCollection,
  ids: string[],
): Promise<Map<string, StoredDoc>> => {
  const res = await client.query(
    'SELECT * FROM docs WHERE collection = $1 AND id = ANY($2::text[])',
    [collection, [...new Set(ids)]],
  );
  return new Map((res.rows as Row[]).map((r) => [String(r.id), toStoredDoc(r)]));
};
