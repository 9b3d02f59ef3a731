// The sync API of DESIGN.md §4: request and response types shared by device and server.
import type { z } from 'zod';
import type { AnyRecord, CollectionName } from '../domain/records';
import type {
  apiErrorCodes,
  apiErrorSchema,
  checkpointSchema,
  deviceInfoSchema,
  deviceRenameRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  numberingHighWaterSchema,
  pullResponseSchema,
  pushResponseSchema,
  refreshResponseSchema,
  rejectedRowSchema,
  rejectionCodes,
  sessionUserSchema,
  streamEventSchema,
} from './api-schemas';

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
export type LoginRequest = z.infer<typeof loginRequestSchema>;
/** POST /api/auth/refresh: a fresh token for the signed-in device, no password asked. */
export type RefreshResponse = z.infer<typeof refreshResponseSchema>;
/** An installation id: 16 to 64 letters, digits, `-` or `_` (a UUID fits). */
export const installationIdPattern = /^[A-Za-z0-9_-]{16,64}$/;
/** PUT /api/devices/current: the seller renames the device of this session. */
export type DeviceRenameRequest = z.infer<typeof deviceRenameRequestSchema>;
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
/**
 * The highest number the server has seen per document kind for a series; yearly kinds by
 * year. `creditNote` is optional: servers before credit notes do not send it.
 */
export type NumberingHighWater = z.infer<typeof numberingHighWaterSchema>;

/** A replicated document as it travels: the record plus RxDB's deletion flag. */
export type WireDocument<T extends AnyRecord = AnyRecord> = T & { _deleted: boolean };

/**
 * Server-assigned, strictly increasing sequence; never a device clock. `epoch` names the
 * server history the seq belongs to: a restore starts a new one (absent from older servers).
 * `left` is the `remaining` of the full page this checkpoint ends, so the next page needs no
 * count.
 */
export type Checkpoint = z.infer<typeof checkpointSchema>;

/**
 * One page of a pull. `remaining` counts the documents this user may see in the collection
 * with a sequence after `checkpoint` (0 when caught up), so a device can show first-sync
 * progress: counted on a pull from the start, then carried in the checkpoint (`left`) and
 * decreased page by page, since counting every page would cost the server a scan each;
 * without a carried count it is an estimate. It is optional: older servers do not
 * send it and older devices ignore it. `epoch` is the server's current one. `reset`: the
 * checkpoint belongs to another history (the server was restored): nothing was sent; the
 * device pulls again from the start and pushes what the server lacks. `removed`: ids of
 * documents this user saw and no longer may (a manager gave them to someone else): the
 * device removes its copies; older servers do not send it.
 */
export type PullResponse<T extends AnyRecord = AnyRecord> = Omit<
  z.infer<typeof pullResponseSchema>,
  'documents'
> & { documents: WireDocument<T>[] };

export type PushRow<T extends AnyRecord = AnyRecord> = {
  newDocumentState: WireDocument<T>;
  assumedMasterState?: WireDocument<T> | null;
};

export type RejectionCode = (typeof rejectionCodes)[number];

/**
 * A row the server refused. `messages` says why in each UI language (the device shows the
 * seller's); `message` is the English one, kept for devices that predate `messages`.
 */
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export type PushResponse<T extends AnyRecord = AnyRecord> = Omit<
  z.infer<typeof pushResponseSchema>,
  'conflicts'
> & { conflicts: WireDocument<T>[] };

export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** A refused request as a whole: `message` in English, `messages` in each UI language. */
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Sent on sync calls so the office sees each device's health: its app version… */
export const APP_VERSION_HEADER = 'x-fairlead-app-version';
/** …and how many of its changes the server refused that still wait on the device. */
export const REFUSED_WAITING_HEADER = 'x-fairlead-refused-waiting';

/** A Server-Sent Event on /api/sync/stream: which collection moved and up to where. */
export type StreamEvent = z.infer<typeof streamEventSchema>;
