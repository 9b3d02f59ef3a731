// GET /api/sync/stream: Server-Sent Events telling a device which collection moved, for
// collections it can see. Authenticated with the Bearer header (devices read it with a
// fetch stream parser; EventSource cannot send headers).
import { credentialsOf } from '../auth/cookie-session';
import type { FastifyInstance } from 'fastify';
import { syncEndpoints as api } from '../../../shared/sync/api-endpoints';
import type { StreamEvent } from '../../../shared/sync/protocol';
import { apiRoute } from '../api-route';
import { requirePrincipal } from '../auth/routes';
import { authenticate } from '../auth/tokens';
import type { Storage } from '../storage/types';
import { noticeConcerns } from '../visibility';

export const registerStream = (
  app: FastifyInstance,
  storage: Storage,
  heartbeatMs: number,
): void => {
  apiRoute(app, api.stream, async (request, reply) => {
    const principal = await requirePrincipal(storage, request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    const unsubscribe = storage.onChange((notice) => {
      if (!noticeConcerns(principal.actor, notice)) return;
      const event: StreamEvent = { collection: notice.collection, checkpoint: { seq: notice.seq } };
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    // Heartbeats keep proxies from closing an idle stream and let the device notice a dead one.
    // Each heartbeat re-checks the session, so a revoked token or disabled user is cut off.
    const heartbeat = setInterval(() => {
      res.write(': heartbeat\n\n');
      void authenticate(storage, credentialsOf(request))
        .then((still) => {
          if (!still) res.end();
        })
        // A revoked device (or a failing database) loses the stream; a device reconnects.
        .catch(() => res.end());
    }, heartbeatMs);
    const stop = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    request.raw.on('close', stop);
    res.on('error', stop);
  });
};
