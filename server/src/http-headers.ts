// Answers of the API carry records and tokens: no HTTP cache (browser disk cache, proxies)
// may keep a plaintext copy, and browsers must not sniff them into something executable.
import type { FastifyInstance } from 'fastify';

export const apiSecurityHeaders = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'x-content-type-options': 'nosniff',
} as const;

export const registerSecurityHeaders = (app: FastifyInstance): void => {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(apiSecurityHeaders);
    return payload;
  });
};
