// Replication endpoints of DESIGN.md §4, one set per collection.
import type { FastifyInstance } from 'fastify';
import { checkpointSchema, EPOCH_HEADER } from '../../../shared/sync/api-schemas';
import { syncEndpoints as api } from '../../../shared/sync/api-endpoints';
import type { Checkpoint, PullResponse, SyncCollection } from '../../../shared/sync/protocol';
import { syncCollections } from '../../../shared/sync/protocol';
import { apiRoute } from '../api-route';
import { requirePrincipal } from '../auth/routes';
import { ApiFailure } from '../errors';
import type { DocRemoval, ServerEpoch, Storage, StoredDoc } from '../storage/types';
import { pullScope } from '../visibility';
import type { IncomingRow } from './push';
import { pushRows } from './push';
import { recordServerRefusals, recordSyncCall } from './device-health';
import { MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH, shapeProblem } from './wire-limits';

export const MAX_PULL = 1000;
export { EPOCH_HEADER, MAX_PUSH_ROWS } from '../../../shared/sync/api-schemas';

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
  const checked = checkpointSchema.safeParse(value);
  if (!checked.success) {
    throw new ApiFailure(400, 'bad_request', {
      en: 'The checkpoint must be {"seq": <a whole number ≥ 0>, "epoch": <the server\'s epoch>}.',
      it: 'Il punto di sincronizzazione deve essere {"seq": <un numero intero ≥ 0>, "epoch": <l\'epoca del server>}.',
    });
  }
  return checked.data;
};

/**
 * A checkpoint from another server history: its epoch is not the current one, or it has
 * none (a device that synced before epochs existed) and the office was restored since.
 */
const otherHistory = (checkpoint: Checkpoint, epoch: ServerEpoch): boolean =>
  checkpoint.epoch === undefined ? epoch.renewedAt !== null : checkpoint.epoch !== epoch.id;

/**
 * The documents left after a full page, by the share of sequence numbers this user saw in
 * it: `pageDocs` visible among the seqs (from, last], so as many per seq up to `lastSeq`.
 */
export const estimateRemaining = (
  pageDocs: number,
  from: number,
  last: number,
  lastSeq: number,
): number => {
  const ahead = Math.max(0, lastSeq - last);
  const span = Math.max(1, last - from);
  return Math.min(ahead, Math.round((ahead * pageDocs) / span));
};

/**
 * One pull page from the visible documents and the removals, both in seq order: the first
 * `limit` of the two merged, so the checkpoint never passes an entry left out.
 */
const pageOf = (docs: StoredDoc[], removals: DocRemoval[], limit: number) => {
  const merged = [
    ...docs.map((d) => ({ seq: d.seq, doc: d, removed: null })),
    ...removals.map((r) => ({ seq: r.seq, doc: null, removed: r.id })),
  ]
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit);
  return {
    size: merged.length,
    docs: merged.flatMap((m) => (m.doc === null ? [] : [m.doc])),
    removed: merged.flatMap((m) => (m.removed === null ? [] : [m.removed])),
    lastSeq: merged.at(-1)?.seq ?? null,
  };
};

export const registerSyncRoutes = (app: FastifyInstance, storage: Storage): void => {
  apiRoute(app, api.pull, async (request, reply) => {
    const principal = await requirePrincipal(storage, request);
    void recordSyncCall(storage, principal.deviceId, request.headers);
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
    const epoch = await storage.serverEpoch();
    const reset = async (): Promise<PullResponse> => ({
      documents: [],
      checkpoint: null,
      remaining: await storage.countAfter(collection, scope, 0),
      epoch: epoch.id,
      reset: true,
    });
    if (checkpoint !== null && otherHistory(checkpoint, epoch)) return reset();
    const afterSeq = checkpoint?.seq ?? 0;
    const page = pageOf(
      await storage.pull(collection, scope, afterSeq, limit),
      await storage.pullRemovals(collection, scope, afterSeq, limit),
      limit,
    );
    // Past the last seq handed out: the database was put back by other means (a file copy,
    // a recovery) without a new epoch. This device starts over; `epoch renew` tells all.
    if (page.size === 0 && checkpoint !== null && checkpoint.seq > 0) {
      if (checkpoint.seq > (await storage.lastSeq(collection))) return reset();
    }
    const last = page.lastSeq;
    const from = afterSeq;
    // A page that is not full holds everything visible. A full page from the start is
    // counted once (the device's first-sync total) and the count travels in the checkpoint,
    // so later pages subtract what they carry: a COUNT per page would make a first sync
    // quadratic on the server. Without a count to go on, the rest is estimated. Removals
    // (records handed to someone else) are not counted.
    const remaining =
      page.size < limit || last === null
        ? 0
        : checkpoint?.left !== undefined
          ? Math.max(0, checkpoint.left - page.docs.length)
          : from === 0
            ? await storage.countAfter(collection, scope, last)
            : estimateRemaining(page.docs.length, from, last, await storage.lastSeq(collection));
    const carried = page.size < limit ? {} : { left: remaining };
    const response: Omit<PullResponse, 'documents'> = {
      checkpoint:
        last !== null
          ? { seq: last, epoch: epoch.id, ...carried }
          : checkpoint && { seq: checkpoint.seq, epoch: epoch.id },
      remaining,
      epoch: epoch.id,
      ...(page.removed.length > 0 ? { removed: page.removed } : {}),
    };
    // The documents as stored (each exactly as pushed, already JSON) are not parsed and
    // serialized again: the answer is written around them.
    const documents = page.docs.map((d) => d.text).join(',');
    return reply
      .type('application/json; charset=utf-8')
      .send(`{"documents":[${documents}],${JSON.stringify(response).slice(1)}`);
  });

  apiRoute(app, api.push, async (request) => {
    const principal = await requirePrincipal(storage, request);
    void recordSyncCall(storage, principal.deviceId, request.headers);
    const collection = toCollection(request.params.collection);
    checkShapes(request.body);
    // Rows whose assumed masters come from another history must not be merged against
    // this one: the device first starts over (PullResponse.reset).
    const pushedIn = request.headers[EPOCH_HEADER];
    if (pushedIn !== undefined && pushedIn !== (await storage.serverEpoch()).id) {
      throw new ApiFailure(409, 'epoch_changed', {
        en: 'The office server was restored from a backup: this device syncs again from the start.',
        it: "Il server della sede è stato ripristinato da un backup: questo dispositivo si sincronizza di nuovo dall'inizio.",
      });
    }
    const result = await pushRows(storage, principal, collection, request.body);
    if (result.rejected.length > 0) {
      request.log.info({ collection, rejected: result.rejected.length }, 'push rows rejected');
      void recordServerRefusals(storage, principal.deviceId, result.rejected.length);
    }
    return result;
  });
};
