// Replication endpoints of DESIGN.md §4, one set per collection.
import type { FastifyInstance } from 'fastify';
import type { Checkpoint, PullResponse, SyncCollection } from '../../../shared/sync/protocol';
import { syncCollections } from '../../../shared/sync/protocol';
import { requirePrincipal } from '../auth/routes';
import { ApiFailure } from '../errors';
import type { Storage } from '../storage/types';
import { pullScope } from '../visibility';
import type { IncomingRow } from './push';
import { pushRows } from './push';
import { MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, shapeProblem } from './wire-limits';

export const MAX_PULL = 1000;
export const MAX_PUSH_ROWS = 1000;

const collectionParams = {
  type: 'object',
  required: ['collection'],
  properties: { collection: { type: 'string', maxLength: 40 } },
} as const;

const pullQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    checkpoint: { type: 'string', maxLength: 200 },
    limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
  },
} as const;

// No control characters (NUL, line breaks…) in the identifiers that become database keys.
const plainId = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]+$',
} as const;

// Only the fields the server reads before the record rules are typed here; the record
// schema then refuses any field it does not know (shared/domain/validate-change.ts).
const wireDoc = {
  type: 'object',
  required: ['id', '_deleted'],
  properties: {
    id: plainId,
    ownerId: plainId,
    _deleted: { type: 'boolean' },
  },
} as const;

const pushBody = {
  type: 'array',
  maxItems: MAX_PUSH_ROWS,
  items: {
    type: 'object',
    required: ['newDocumentState'],
    additionalProperties: false,
    properties: {
      newDocumentState: wireDoc,
      assumedMasterState: { anyOf: [wireDoc, { type: 'null' }] },
    },
  },
} as const;

/** Refuses the whole push when a document is nested too deeply or is too large. */
const checkShapes = (rows: IncomingRow[]): void => {
  for (const row of rows) {
    for (const doc of [row.newDocumentState, row.assumedMasterState]) {
      const problem = doc == null ? null : shapeProblem(doc);
      if (problem === 'too_deep') {
        throw new ApiFailure(400, 'bad_request', {
          en: `A document is nested more than ${MAX_JSON_DEPTH} levels deep.`,
          it: `Un documento ha più di ${MAX_JSON_DEPTH} livelli di annidamento.`,
        });
      }
      if (problem === 'too_large') {
        throw new ApiFailure(413, 'payload_too_large', {
          en: `A document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
          it: `Un documento supera ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
        });
      }
    }
  }
};

const toCollection = (name: string): SyncCollection => {
  const found = syncCollections.find((c) => c === name);
  if (!found)
    throw new ApiFailure(404, 'unknown_collection', {
      en: `There is no collection called "${name.slice(0, 40)}".`,
      it: `Non esiste una raccolta chiamata "${name.slice(0, 40)}".`,
    });
  return found;
};

const parseCheckpoint = (raw: string | undefined): Checkpoint | null => {
  if (raw === undefined || raw === '' || raw === 'null') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ApiFailure(400, 'bad_request', {
      en: 'The checkpoint is not valid JSON.',
      it: 'Il punto di sincronizzazione non è un JSON valido.',
    });
  }
  if (value === null) return null;
  const seq = (value as { seq?: unknown }).seq;
  if (
    typeof value !== 'object' ||
    typeof seq !== 'number' ||
    !Number.isSafeInteger(seq) ||
    seq < 0
  ) {
    throw new ApiFailure(400, 'bad_request', {
      en: 'The checkpoint must be {"seq": <a whole number ≥ 0>}.',
      it: 'Il punto di sincronizzazione deve essere {"seq": <un numero intero ≥ 0>}.',
    });
  }
  return { seq };
};

export const registerSyncRoutes = (app: FastifyInstance, storage: Storage): void => {
  app.get<{ Params: { collection: string }; Querystring: { checkpoint?: string; limit?: string } }>(
    '/api/sync/:collection/pull',
    { schema: { params: collectionParams, querystring: pullQuery } },
    async (request) => {
      const principal = await requirePrincipal(storage, request);
      const collection = toCollection(request.params.collection);
      const checkpoint = parseCheckpoint(request.query.checkpoint);
      const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
      if (limit < 1 || limit > MAX_PULL) {
        throw new ApiFailure(400, 'bad_request', {
          en: `The limit must be between 1 and ${MAX_PULL}.`,
          it: `Il limite deve essere compreso tra 1 e ${MAX_PULL}.`,
        });
      }
      const scope = pullScope(principal.actor, collection);
      const docs = await storage.pull(collection, scope, checkpoint?.seq ?? 0, limit);
      const last = docs[docs.length - 1];
      const after = last?.seq ?? checkpoint?.seq ?? 0;
      // A page that is not full holds everything visible: only a full page needs the COUNT.
      const remaining =
        docs.length < limit ? 0 : await storage.countAfter(collection, scope, after);
      const response: PullResponse = {
        documents: docs.map((d) => d.doc),
        checkpoint: last ? { seq: last.seq } : checkpoint,
        remaining,
      };
      return response;
    },
  );

  app.post<{ Params: { collection: string }; Body: IncomingRow[] }>(
    '/api/sync/:collection/push',
    { schema: { params: collectionParams, body: pushBody } },
    async (request) => {
      const principal = await requirePrincipal(storage, request);
      const collection = toCollection(request.params.collection);
      checkShapes(request.body);
      const result = await pushRows(storage, principal, collection, request.body);
      if (result.rejected.length > 0) {
        request.log.info({ collection, rejected: result.rejected.length }, 'push rows rejected');
      }
      return result;
    },
  );
};
