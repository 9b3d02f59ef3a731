// Answers of the API carry records and tokens: no HTTP cache (browser disk cache, proxies)
// may keep a plaintext copy, and browsers must not sniff them into something executable.
import type { FastifyInstance } from 'fastify';

export const apiSecurityHeaders = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'x-content-type-options': 'nosniff',
} as const;

export const registerSecurityHeaders = (app: FastifyInstance): void => {
  // A callback hook: an async one costs a promise on every answer.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(apiSecurityHeaders);
    done(null, payload);
  });
};
