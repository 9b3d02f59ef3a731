// The one storage interface the server runs on; SQLite and PostgreSQL implement it.
import type { Role } from '../../../shared/domain/context';
import type {
  NumberingHighWater,
  SyncCollection,
  WireDocument,
} from '../../../shared/sync/protocol';

export type Team = { id: string; name: string; createdAt: string };

export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
};

export type NewUser = Omit<User, 'disabled' | 'createdAt'>;

export type Device = {
  id: string;
  userId: string;
  name: string;
  series: string;
  createdAt: string;
};

export type Session = {
  tokenHash: string;
  userId: string;
  deviceId: string;
  expiresAt: string;
  revoked: boolean;
};

/** A document as the server keeps it: the pushed JSON untouched plus server columns. */
export type StoredDoc = {
  collection: SyncCollection;
  id: string;
  seq: number;
  ownerId: string;
  /** The owner's team when written, derived on the server. */
  teamId: string | null;
  deleted: boolean;
  updatedAt: string;
  doc: WireDocument;
};

/** A document to write: the server columns apart from seq, which storage assigns. */
export type DocWrite = {
  id: string;
  ownerId: string;
  teamId: string | null;
  doc: WireDocument;
};

/** What the caller decided for one row after seeing the current master. */
export type RowDecision<R> = { write: DocWrite | null; result: R };

/** Who may see what in a pull (see visibility.ts): everything, or own records plus a team's. */
export type PullScope =
  { kind: 'all' } | { kind: 'filter'; ownerId: string; teamId: string | null };

export type ChangeNotice = {
  collection: SyncCollection;
  seq: number;
  ownerIds: string[];
  teamIds: (string | null)[];
  /** Set when the lists were too long for one notification: every stream is told. */
  everyone?: boolean;
};

/** The history the office's sequence numbers belong to; renewed by a restore (restore.ts). */
export type ServerEpoch = {
  id: string;
  /** When it was last renewed; null for the first one. */ renewedAt: string | null;
};

/** Some rows of one table as the database holds them (backup and restore, snapshot.ts). */
export type TableRows = { table: string; rows: Record<string, unknown>[] };

export type NumberedDocKind = 'quote' | 'order' | 'invoice';
export type NumberSeen = { series: string; kind: NumberedDocKind; year: string; seq: number };

export type Storage = {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  /** The schema version this database is at (see migrations/). */
  schemaVersion(): Promise<number>;

  createTeam(team: Team): Promise<void>;
  listTeams(): Promise<Team[]>;
  findTeamByName(name: string): Promise<Team | null>;

  createUser(user: NewUser): Promise<User>;
  findUserByEmail(email: string): Promise<User | null>;
  findUserById(id: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  setUserDisabled(id: string, disabled: boolean): Promise<void>;

  findDevice(userId: string, name: string): Promise<Device | null>;
  /** Inserts the device; false when its series is already taken. */
  createDevice(device: Device): Promise<boolean>;
  listDevices(): Promise<Device[]>;
  highWater(series: string): Promise<NumberingHighWater>;

  createSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | null>;
  revokeSession(tokenHash: string): Promise<void>;
  revokeUserSessions(userId: string): Promise<void>;

  /**
   * Reads the current masters of `ids`, lets `decide` choose per id, and writes the chosen
   * documents with fresh seqs, all in one transaction serialized per collection, so seqs
   * become visible in commit order and a pull never skips a late commit.
   */
  writeDocs<R>(
    collection: SyncCollection,
    ids: string[],
    decide: (current: ReadonlyMap<string, StoredDoc>) => RowDecision<R>[],
    numbers?: (writes: DocWrite[]) => NumberSeen[],
  ): Promise<R[]>;
  pull(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
    limit: number,
  ): Promise<StoredDoc[]>;
  /** How many documents of the collection `scope` sees after `afterSeq` (one COUNT). */
  countAfter(collection: SyncCollection, scope: PullScope, afterSeq: number): Promise<number>;
  getDocs(collection: SyncCollection, ids: string[]): Promise<Map<string, StoredDoc>>;
  /** Every document of a collection (admin tasks: backup, catalog import, erasure). */
  allDocs(collection: SyncCollection): Promise<StoredDoc[]>;

  /** The highest seq a collection has handed out (0 before its first document). */
  lastSeq(collection: SyncCollection): Promise<number>;

  serverEpoch(): Promise<ServerEpoch>;
  /** Gives the office a new epoch; with `from`, only while the epoch still is `from`. */
  renewEpoch(from?: string): Promise<ServerEpoch>;
  /** Reads every office table in one consistent snapshot, a page at a time (backup). */
  readSnapshot(visit: (page: TableRows) => Promise<void>): Promise<void>;
  /**
   * Loads tables in one transaction and gives the office a new epoch (restore). Refuses a
   * database that holds office data unless `force`, which empties it first.
   */
  restoreTables(pages: AsyncIterable<TableRows>, options: { force: boolean }): Promise<ServerEpoch>;

  /** Subscribes to committed changes, from this process and (PostgreSQL) every other. */
  onChange(listener: (notice: ChangeNotice) => void): () => void;
};
