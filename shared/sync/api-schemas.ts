// The sync and auth API of DESIGN.md §4 as zod schemas: the server checks requests with them,
// the device checks answers with them, and /api/openapi.json is generated from them. The
// types in protocol.ts are inferred from these.
import { z } from 'zod';
import { installationIdPattern, syncCollections } from './protocol';

// No NUL, line break or other control character in what becomes a database key or label
// (the C0 and C1 controls and DEL, as shared/domain/plain-text.ts).
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const noControlOrEmpty = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const noControl = /^[^\u0000-\u001f\u007f-\u009f]+$/;

export const localizedTextSchema = z
  .object({ en: z.string(), it: z.string() })
  .meta({ description: 'The same text in each UI language.' });

export const roleSchema = z.enum(['seller', 'manager', 'admin']);

export const apiErrorCodes = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'unknown_collection',
  'epoch_changed',
  // The office revoked this device: it must delete its store and keys (HTTP 401).
  'device_revoked',
  'internal',
] as const;

/** A refused request as a whole: `message` in English, `messages` in each UI language. */
export const apiErrorSchema = z.object({
  code: z.enum(apiErrorCodes),
  message: z.string().meta({ description: 'In English.' }),
  messages: localizedTextSchema,
});

export const loginRequestSchema = z.strictObject({
  email: z.string().min(3).max(254).regex(noControl),
  password: z.string().min(1).max(1024),
  deviceName: z.string().min(1).max(100).regex(noControl).meta({ description: 'A label' }),
  installationId: z
    .string()
    .regex(installationIdPattern)
    .optional()
    .meta({ description: 'The random id the device made at its first start; identifies it' }),
  knownDeviceId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .meta({ description: 'The device id of an earlier session of this installation' }),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  teamId: z.string().nullable(),
});

export const numberingHighWaterSchema = z.object({
  quote: z.number(),
  order: z.number(),
  invoice: z.record(z.string(), z.number()),
  creditNote: z.record(z.string(), z.number()).optional(),
});

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string().meta({ description: 'When the token expires (ISO instant).' }),
  user: sessionUserSchema,
  device: z.object({
    id: z.string(),
    name: z.string(),
    series: z.string(),
    lastNumbers: numberingHighWaterSchema,
  }),
});

export const refreshResponseSchema = z.object({ token: z.string(), expiresAt: z.string() });

/** An answer that only says it worked. */
export const okResponseSchema = z.object({ ok: z.literal(true) });

export const deviceRenameRequestSchema = z.strictObject({
  name: z.string().min(1).max(100).regex(noControlOrEmpty),
});
export const deviceInfoSchema = z.object({ id: z.string(), name: z.string(), series: z.string() });

export const checkpointSchema = z.object({
  seq: z.number().int().min(0),
  epoch: z.string().max(64).optional().meta({ description: 'The server history of the seq' }),
  left: z.number().int().min(0).optional(),
});

// Identifiers that become database keys: no control characters.
const plainId = z.string().min(1).max(64).regex(noControl);

// Only the fields the server reads before the record rules are typed here; the record
// schema then checks the rest (shared/domain/validate-change.ts), so other fields pass.
export const wireDocumentSchema = z.looseObject({
  id: plainId,
  ownerId: plainId.optional(),
  _deleted: z.boolean(),
});

export const collectionParamsSchema = z.object({
  collection: z
    .string()
    .max(40)
    .meta({ description: `One of ${syncCollections.join(', ')}` }),
});

export const pullQuerySchema = z.strictObject({
  checkpoint: z.string().max(200).optional().meta({ description: 'JSON of the last checkpoint' }),
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .optional()
    .meta({ description: 'Documents per page, 1 to 1000 (100 when absent)' }),
});

export const pullResponseSchema = z.object({
  documents: z.array(wireDocumentSchema),
  checkpoint: checkpointSchema.nullable(),
  remaining: z.number().int().min(0).optional(),
  epoch: z.string().optional(),
  reset: z.boolean().optional(),
  removed: z.array(z.string()).optional(),
});

/**
 * The pull answer as a device checks it: each document's envelope as pullResponseSchema checks
 * it, without the other fields. A loose object copies every field of every document it checks,
 * and a first sync checks tens of thousands of documents (the device keeps the answer as sent).
 */
export const pullAnswerSchema = pullResponseSchema.extend({
  documents: z.array(z.object(wireDocumentSchema.shape)),
});

export const MAX_PUSH_ROWS = 1000;

export const pushRowSchema = z.strictObject({
  newDocumentState: wireDocumentSchema,
  assumedMasterState: wireDocumentSchema.nullable().optional(),
});
export const pushRequestSchema = z.array(pushRowSchema).max(MAX_PUSH_ROWS);

/** Sent with a push: the epoch the rows' assumed masters come from (PullResponse.epoch). */
export const EPOCH_HEADER = 'x-fairlead-epoch';
export const pushHeadersSchema = z.looseObject({
  [EPOCH_HEADER]: z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'The epoch the rows were synced in; another one answers 409' }),
});

export const rejectionCodes = [
  'invalid_document',
  'illegal_change',
  'forbidden',
  'read_only',
  'not_owner',
  'wrong_collection',
  'malformed_number',
  'foreign_series',
  'number_taken',
  // A tombstone, or an undone one, that the deletion table (shared/domain/deletion.ts) forbids.
  'illegal_deletion',
  // A field the record schema does not know, or a `_` field other than `_deleted`.
  'unknown_field',
] as const;

export const rejectedRowSchema = z.object({
  id: z.string(),
  code: z.enum(rejectionCodes),
  message: z.string().meta({ description: 'In English, for devices that predate messages.' }),
  messages: localizedTextSchema,
  field: z.string().optional(),
});

export const pushResponseSchema = z.object({
  conflicts: z.array(wireDocumentSchema),
  rejected: z.array(rejectedRowSchema),
});

export const streamEventSchema = z.object({
  collection: z.enum(syncCollections),
  checkpoint: checkpointSchema,
});

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  storage: z.string(),
  time: z.string(),
});
