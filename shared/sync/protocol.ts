// The sync API of DESIGN.md §4: request and response types shared by device and server.
import type { AnyRecord, CollectionName } from '../domain/records';
import type { Role } from '../domain/context';
import type { LocalizedText } from '../domain/errors';

export const syncCollections = [
  'leads',
  'accounts',
  'contacts',
  'opportunities',
  'quotes',
  'orders',
  'invoices',
  'activities',
  'products',
  'pricelists',
  'refdata',
  'tradefairs',
] as const satisfies readonly CollectionName[];
export type SyncCollection = (typeof syncCollections)[number];

/** Collections a device only pulls: the office authors them. */
export const pullOnlyCollections: readonly SyncCollection[] = ['products', 'pricelists', 'refdata'];

/**
 * `installationId` (random, kept by the device from its first start) identifies the device;
 * `deviceName` is only its label. `knownDeviceId` is the device id of this installation's
 * earlier session, so a device registered before installation ids keeps its series. Old
 * devices send neither and are told apart by name.
 */
export type LoginRequest = {
  email: string;
  password: string;
  deviceName: string;
  installationId?: string;
  knownDeviceId?: string;
};
/** POST /api/auth/refresh: a fresh token for the signed-in device, no password asked. */
export type RefreshResponse = { token: string; expiresAt: string };
/** An installation id: 16 to 64 letters, digits, `-` or `_` (a UUID fits). */
export const installationIdPattern = /^[A-Za-z0-9_-]{16,64}$/;
/** PUT /api/devices/current: the seller renames the device of this session. */
export type DeviceRenameRequest = { name: string };
export type DeviceInfo = { id: string; name: string; series: string };
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
};
export type LoginResponse = {
  token: string;
  /** When the token expires (ISO instant). */
  expiresAt: string;
  user: SessionUser;
  device: { id: string; name: string; series: string; lastNumbers: NumberingHighWater };
};
/**
 * The highest number the server has seen per document kind for a series; yearly kinds by
 * year. `creditNote` is optional: servers before credit notes do not send it.
 */
export type NumberingHighWater = {
  quote: number;
  order: number;
  invoice: Record<string, number>;
  creditNote?: Record<string, number>;
};

/** A replicated document as it travels: the record plus RxDB's deletion flag. */
export type WireDocument<T extends AnyRecord = AnyRecord> = T & { _deleted: boolean };

/**
 * Server-assigned, strictly increasing sequence; never a device clock. `epoch` names the
 * server history the seq belongs to: a restore starts a new one (absent from older servers).
 */
export type Checkpoint = {
  seq: number;
  epoch?: string;
  /** The `remaining` of the full page this checkpoint ends, so the next page needs no count. */
  left?: number;
};

/**
 * One page of a pull. `remaining` counts the documents this user may see in the collection
 * with a sequence after `checkpoint` (0 when caught up), so a device can show first-sync
 * progress: counted on a pull from the start, then carried in the checkpoint (`left`) and
 * decreased page by page, since counting every page would cost the server a scan each;
 * without a carried count it is an estimate. It is optional: older servers do not
 * send it and older devices ignore it.
 */
export type PullResponse<T extends AnyRecord = AnyRecord> = {
  documents: WireDocument<T>[];
  checkpoint: Checkpoint | null;
  remaining?: number;
  /** The server's current epoch. */
  epoch?: string;
  /**
   * The checkpoint belongs to another history (the server was restored): nothing was sent;
   * the device pulls again from the start and pushes what the server lacks.
   */
  reset?: boolean;
  /**
   * Ids of documents this user saw and no longer may (a manager gave them to someone else):
   * the device removes its copies. Older servers do not send it.
   */
  removed?: string[];
};

export type PushRow<T extends AnyRecord = AnyRecord> = {
  newDocumentState: WireDocument<T>;
  assumedMasterState?: WireDocument<T> | null;
};

export type RejectionCode =
  | 'invalid_document'
  | 'illegal_change'
  | 'forbidden'
  | 'read_only'
  | 'not_owner'
  | 'wrong_collection'
  | 'malformed_number'
  | 'foreign_series'
  | 'number_taken'
  /** A tombstone, or an undone one, that the deletion table (shared/domain/deletion.ts) forbids. */
  | 'illegal_deletion'
  /** A field the record schema does not know, or a `_` field other than `_deleted`. */
  | 'unknown_field';

/**
 * A row the server refused. `messages` says why in each UI language (the device shows the
 * seller's); `message` is the English one, kept for devices that predate `messages`.
 */
export type RejectedRow = {
  id: string;
  code: RejectionCode;
  message: string;
  messages: LocalizedText;
  field?: string;
};

export type PushResponse<T extends AnyRecord = AnyRecord> = {
  conflicts: WireDocument<T>[];
  rejected: RejectedRow[];
};

export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unknown_collection'
  | 'epoch_changed'
  // The office revoked this device: it must delete its store and keys (HTTP 401).
  | 'device_revoked'
  | 'internal';

/** A refused request as a whole: `message` in English, `messages` in each UI language. */
export type ApiError = { code: ApiErrorCode; message: string; messages: LocalizedText };

/** Sent on sync calls so the office sees each device's health: its app version… */
export const APP_VERSION_HEADER = 'x-fairlead-app-version';
/** …and how many of its changes the server refused that still wait on the device. */
export const REFUSED_WAITING_HEADER = 'x-fairlead-refused-waiting';

/** A Server-Sent Event on /api/sync/stream: which collection moved and up to where. */
export type StreamEvent = { collection: SyncCollection; checkpoint: Checkpoint };
