// The one storage interface the server runs on; sql-storage.ts implements it, once, over
// SQLite and PostgreSQL.
import type { Role } from '../../../shared/domain/context';
import type { NumberedKind } from '../../../shared/domain/numbering';
import type {
  NumberingHighWater,
  SyncCollection,
  WireDocument,
} from '../../../shared/sync/protocol';
import type { OfficeStore } from './office-store';

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
  /** A label the seller may change; two devices of one user may share it. */
  name: string;
  series: string;
  createdAt: string;
  /** What identifies the device; null on a device registered before installation ids. */
  installationId: string | null;
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
  /** The document's JSON as stored: the document exactly as pushed. */
  text: string;
};

/** A document to write: the server columns apart from seq, which storage assigns. */
export type DocWrite = {
  id: string;
  ownerId: string;
  teamId: string | null;
  doc: WireDocument;
};

/** A document a pull's scope saw before and no longer sees (handed over), at that seq. */
export type DocRemoval = { id: string; seq: number };

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

export type NumberSeen = { series: string; kind: NumberedKind; year: string; seq: number };

/** A document number and the document that took it (issued_numbers: unique per kind). */
export type IssuedNumber = { kind: NumberedKind; number: string; docId: string };

/** Who holds each looked-up number, keyed by issuedKey(kind, number). */
export type IssuedHolders = ReadonlyMap<string, string>;
export const issuedKey = (kind: string, number: string): string => `${kind} ${number}`;

/** The numbering side of a write: what `decide` must see, and what the accepted writes take. */
export type NumberingWork = {
  /** Numbers whose current holder `decide` needs (read in the write transaction). */
  lookup: readonly { kind: NumberedKind; number: string }[];
  /** From the accepted writes: numbers newly taken, and the high-water marks they raise. */
  issued: (writes: DocWrite[]) => { taken: IssuedNumber[]; seen: NumberSeen[] };
};

/** Failed sign-ins counted under one key (an account or an address; auth/rate-limit.ts). */
export type LoginCounter = {
  failures: number;
  /** When the current run of failures (or the address's window) began, in ms. */
  since: number;
  /** No sign-in under this key before this instant (ms); 0 when not locked. */
  lockedUntil: number;
};

/** The history the office's sequence numbers belong to; renewed by a restore (restore.ts). */
export type ServerEpoch = {
  id: string;
  /** When it was last renewed; null for the first one. */ renewedAt: string | null;
};

/** Some rows of one table as the database holds them (backup and restore, snapshot.ts). */
export type TableRows = { table: string; rows: Record<string, unknown>[] };

export type Storage = {
  readonly kind: 'sqlite' | 'postgres';
  /** Audit log, device revocation and sync health (office-store.ts). */
  readonly office: OfficeStore;
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

  /** A device registered before installation ids (none of its own), by user and name. */
  findLegacyDevice(userId: string, name: string): Promise<Device | null>;
  findDeviceByInstallation(userId: string, installationId: string): Promise<Device | null>;
  findDeviceById(id: string): Promise<Device | null>;
  /** Inserts the device; false when its series (or the user's installation) is taken. */
  createDevice(device: Device): Promise<boolean>;
  /** Gives a legacy device its installation id; false when it already has one. */
  adoptInstallation(deviceId: string, installationId: string): Promise<boolean>;
  renameDevice(deviceId: string, name: string): Promise<void>;
  listDevices(): Promise<Device[]>;
  /** The numbering series of a user's devices. */
  seriesOfUser(userId: string): Promise<string[]>;
  highWater(series: string): Promise<NumberingHighWater>;

  loginCounter(key: string): Promise<LoginCounter | null>;
  /**
   * Replaces the counter under `key` with `next(current)` (null removes it), atomically
   * across every process on this database.
   */
  updateLoginCounter(
    key: string,
    next: (current: LoginCounter | null) => LoginCounter | null,
    now: number,
  ): Promise<void>;
  /** Forgets counters untouched since `before` (ms). */
  pruneLoginCounters(before: number): Promise<void>;

  createSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | null>;
  /**
   * The session of `tokenHash` with its user (null when the user is gone), in one read: every
   * authenticated request asks, so it costs one round trip, never two.
   */
  findSessionUser(tokenHash: string): Promise<{ session: Session; user: User | null } | null>;
  revokeSession(tokenHash: string): Promise<void>;
  revokeUserSessions(userId: string): Promise<void>;

  /**
   * Reads the current masters of `ids`, lets `decide` choose per id, and writes the chosen
   * documents with fresh seqs, all in one transaction serialized per collection, so seqs
   * become visible in commit order and a pull never skips a late commit. With `numbering`,
   * `decide` also sees who holds the looked-up numbers, and the numbers the accepted writes
   * take are inserted in the same transaction (a unique key: a clash aborts the write).
   */
  writeDocs<R>(
    collection: SyncCollection,
    ids: string[],
    decide: (current: ReadonlyMap<string, StoredDoc>, holders: IssuedHolders) => RowDecision<R>[],
    numbering?: NumberingWork,
  ): Promise<R[]>;
  pull(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
    limit: number,
  ): Promise<StoredDoc[]>;
  /**
   * Documents handed over after `afterSeq` away from what `scope` sees (the previous owner or
   * team), and not visible to it again since, in seq order: the device removes them.
   */
  pullRemovals(
    collection: SyncCollection,
    scope: PullScope,
    afterSeq: number,
    limit: number,
  ): Promise<DocRemoval[]>;
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
